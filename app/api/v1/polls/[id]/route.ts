import { handle, json } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { pollForVoter } from "@/lib/polls/service";
import { voterForRequest, withVoterCookie } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

/** One poll as this reader sees it; `?split=1` adds signed-in vs anonymous results when visible. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const split = ["1", "true"].includes(new URL(req.url).searchParams.get("split") ?? "");
  const voter = await voterForRequest(req.headers);
  const poll = await withDb(pollForVoter, id, voter.key, { split });
  return withVoterCookie(json({ poll }), voter);
});
