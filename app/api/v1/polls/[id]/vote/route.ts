import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { ipHash } from "@/lib/http/client";
import { voteBodySchema, votePoll, withdrawPollVote } from "@/lib/polls/service";
import { voterForRequest, withVoterCookie } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Casts or changes this reader's vote: 201 for a first vote, 200 for a change (or the same choice). */
export const PUT = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const { id } = await ctx.params;
  const { optionIds } = await readBody(req, voteBodySchema);
  const voter = await voterForRequest(req.headers, { create: true });
  const r = await withDb(votePoll, id, { key: voter.key!, viewer: voter.viewer }, optionIds, ipHash(req));
  return withVoterCookie(
    json({ poll: r.poll, changed: r.changed }, { status: r.created ? 201 : 200 }),
    voter,
  );
});

/** Withdraws this reader's vote (until the poll closes). */
export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const { id } = await ctx.params;
  const voter = await voterForRequest(req.headers);
  const r = await withDb(withdrawPollVote, id, voter, ipHash(req));
  return withVoterCookie(json({ poll: r.poll, withdrawn: r.withdrawn }), voter);
});
