import { handle, json } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { articlePollsForVoter } from "@/lib/polls/service";
import { voterForRequest, withVoterCookie } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

/** The article's polls as this reader sees them: own vote, and counts where the rules allow. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const voter = await voterForRequest(req.headers);
  const polls = await withDb(articlePollsForVoter, slug, voter.key);
  return withVoterCookie(json({ polls }), voter);
});
