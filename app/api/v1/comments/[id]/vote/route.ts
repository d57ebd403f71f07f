import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { voteInput } from "@/lib/comments/input";
import { voteOnComment } from "@/lib/comments/votes";
import { withDb } from "@/lib/db";
import { consume } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** Up (1), down (-1) or take back (0) the reader's vote: {id, value, score, upvotes, downvotes}. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "vote");
  const { id } = await ctx.params;
  const { value } = await readBody(req, voteInput);
  await consume("vote_user", viewer.id);
  return json(await withDb(voteOnComment, viewer, id, value));
});
