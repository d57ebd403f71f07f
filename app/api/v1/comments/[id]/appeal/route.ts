import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { appealSchema, createAppeal } from "@/lib/moderation/appeals";
import { consume, refund } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** The author appeals a rejected comment, once: {text}. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "appeal");
  checkOrigin(req);
  const { id } = await ctx.params;
  const { text } = await readBody(req, appealSchema);
  await consume("appeal_user", viewer.id);
  try {
    return json({ appeal: await withDb(createAppeal, id, viewer.id, text) }, { status: 201 });
  } catch (e) {
    // an appeal refused (not appealable, already appealed, bad input) does not spend the allowance
    await refund("appeal_user", viewer.id);
    throw e;
  }
});
