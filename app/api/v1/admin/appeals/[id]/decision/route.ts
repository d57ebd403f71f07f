import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { appealDecisionSchema, decideAppeal } from "@/lib/moderation/appeals";

export const dynamic = "force-dynamic";

/** {outcome: uphold|overturn, note?} — not by the moderator who rejected the comment. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const { id } = await ctx.params;
  const input = await readBody(req, appealDecisionSchema);
  return json(await withDb(decideAppeal, id, input, viewer.id));
});
