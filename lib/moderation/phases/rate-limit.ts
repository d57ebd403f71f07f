import { humanSeconds, limitConfig } from "@/lib/rate-limit";
import type { Phase } from "../types";

/**
 * Per author and per network: at most N new comments in a window. N per minute comes from the
 * settings; AGORA_LIMIT_COMMENT_USER / AGORA_LIMIT_COMMENT_IP (points/seconds), when set, win —
 * benchmarks and load tests raise limits that way (docs/decisions/004-rate-limits.md). This is the one
 * place the comment limit is enforced: each new comment spends from lib/rate-limit's counters (one
 * atomic upsert each on PostgreSQL, so it holds across instances and against a burst of concurrent
 * posts). Edits are not new comments and spend nothing. A comment over the limit is refused (429), not
 * stored. The allowance is spent here, when this phase decides, never ahead of time: a comment refused
 * by an earlier phase (closed article, suspended author) costs nothing.
 */
export function commentLimits(settings: {
  commentsPerMinutePerAuthor: number;
  commentsPerMinutePerIp: number;
}) {
  const env = (name: "comment_user" | "comment_ip") =>
    process.env[`AGORA_LIMIT_${name.toUpperCase()}`] ? limitConfig(name) : null;
  return {
    author: env("comment_user") ?? { points: settings.commentsPerMinutePerAuthor, seconds: 60 },
    ip: env("comment_ip") ?? { points: settings.commentsPerMinutePerIp, seconds: 60 },
  };
}

function every(seconds: number): string {
  return seconds === 60 ? "a minute" : `per ${seconds} seconds`;
}

export const rateLimit: Phase = {
  name: "rate_limit",
  async run(input, ctx) {
    if (input.commentId) return;
    const limits = commentLimits(ctx.settings);
    const { author, ip } = limits;
    const wait = await ctx.facts.commentAllowance(limits);
    if (wait.author > 0)
      return {
        status: "rejected",
        reason: "rate_limited",
        message: `Not published: you can post at most ${author.points} comments ${every(author.seconds)}. Try again in ${humanSeconds(wait.author)}.`,
        retryAfterSeconds: wait.author,
      };
    if (wait.ip > 0)
      return {
        status: "rejected",
        reason: "rate_limited_network",
        message: `Not published: your network has posted ${ip.points} comments in the last ${ip.seconds === 60 ? "minute" : `${ip.seconds} seconds`}, the most we accept. Try again in ${humanSeconds(wait.ip)}.`,
        retryAfterSeconds: wait.ip,
      };
  },
};
