import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { decideComment, decisionSchema } from "@/lib/moderation/decisions";

export const dynamic = "force-dynamic";

/** A moderator's decision on one comment: {action: approve|reject|spam|delete|feature|pin|unfeature|unpin, reason?} */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const { id } = await ctx.params;
  const input = await readBody(req, decisionSchema);
  return json(await withDb(decideComment, id, input, viewer.id));
});
