// The fast lanes, declared in one table: the few hot requests that server/main.mjs answers past Next's
// routing. Next's request pipeline costs ~2 ms of CPU per request before a route handler runs (a route
// that does nothing: 2.1 ms through Next, 0.3 ms here), a third of a comment post. Each lane calls the
// route's own exported handler (validation, Origin check, limits, errors stay the route's, in one place)
// or answers from memory and may decline; anything that matches no lane, or is declined, goes to Next.
// The fresh cached pages are the other lane (server/cache-handler.cjs peekPage, asked by main.mjs).
// instrumentation.ts installs this table at start-up; AGORA_FAST_LANE=0 leaves it out (everything goes
// through Next: the parity test compares both, tests/integration/fast-lane-parity.test.ts).
// See docs/decisions/051-fast-lanes.md and 060-one-edge.md.
import * as commentsRoute from "@/app/api/v1/articles/[slug]/comments/route";
import * as commentVoteRoute from "@/app/api/v1/comments/[id]/vote/route";
import * as pollVoteRoute from "@/app/api/v1/polls/[id]/vote/route";
import { COMMENT_PAGE_PATH, commentsFastGet } from "./comment-pages";
import type { Lane } from "./state.cjs";
import { edge } from "./state.cjs";

/** Route params as a Next route handler receives them (a promise). */
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

const COMMENTS = /^\/api\/v1\/articles\/([a-z0-9-]{1,200})\/comments$/;
const COMMENT_VOTE = /^\/api\/v1\/comments\/([^/]{1,100})\/vote$/;
const POLL_VOTE = /^\/api\/v1\/polls\/([^/]{1,100})\/vote$/;

export const LANES: Lane[] = [
  // method, path, handler
  { kind: "peek", method: "GET", pattern: COMMENT_PAGE_PATH, peek: commentsFastGet },
  {
    kind: "route",
    method: "POST",
    pattern: COMMENTS,
    handler: (req, m) => commentsRoute.POST(req, params({ slug: m[1] })),
  },
  {
    kind: "route",
    method: "POST",
    pattern: COMMENT_VOTE,
    handler: (req, m) => commentVoteRoute.POST(req, params({ id: m[1] })),
  },
  {
    kind: "route",
    method: "PUT",
    pattern: POLL_VOTE,
    handler: (req, m) => pollVoteRoute.PUT(req, params({ id: m[1] })),
  },
  {
    kind: "route",
    method: "DELETE",
    pattern: POLL_VOTE,
    handler: (req, m) => pollVoteRoute.DELETE(req, params({ id: m[1] })),
  },
];

/** Whether the fast lanes are on (AGORA_FAST_LANE=0 turns them off: everything goes through Next). */
export const fastLanesOn = () => process.env.AGORA_FAST_LANE !== "0";

/** Hands the table to the edge (instrumentation.ts, once per process). */
export function installLanes(): void {
  edge().lanes = fastLanesOn() ? LANES : [];
}
