import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { appealComment, appealSchema } from "@/lib/moderation/appeals";

export const dynamic = "force-dynamic";

/** The author appeals a rejected comment, once: {text}. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "appeal");
  checkOrigin(req);
  const { id } = await ctx.params;
  const { text } = await readBody(req, appealSchema);
  return json({ appeal: await withDb(appealComment, id, viewer.id, text) }, { status: 201 });
});
