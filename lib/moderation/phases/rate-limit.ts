import { limitConfig } from "@/lib/rate-limit";
import type { Phase } from "../types";

/**
 * Per author and per network: at most N comments in a window. N per minute comes from the settings;
 * AGORA_LIMIT_COMMENT_USER / AGORA_LIMIT_COMMENT_IP (points/seconds), when set, win — benchmarks and
 * load tests raise limits that way (docs/decisions/004-rate-limits.md). Counted from the comments table,
 * so the limit holds across instances. Edits are not new comments and are not counted.
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
  prefetch(input, ctx) {
    if (input.commentId) return;
    const { author, ip } = commentLimits(ctx.settings);
    const since = (s: number) => new Date(ctx.now.getTime() - s * 1000);
    ctx.facts.authorCommentsSince(since(author.seconds)).catch(() => {});
    if (input.ipHash) ctx.facts.ipCommentsSince(since(ip.seconds)).catch(() => {});
  },
  async run(input, ctx) {
    if (input.commentId) return;
    const { author, ip } = commentLimits(ctx.settings);
    const since = (s: number) => new Date(ctx.now.getTime() - s * 1000);
    if ((await ctx.facts.authorCommentsSince(since(author.seconds))) >= author.points)
      return {
        status: "rejected",
        reason: "rate_limited",
        message: `Not published: you can post at most ${author.points} comments ${every(author.seconds)}. Wait a little and try again.`,
      };
    if (input.ipHash && (await ctx.facts.ipCommentsSince(since(ip.seconds))) >= ip.points)
      return {
        status: "rejected",
        reason: "rate_limited_network",
        message: `Not published: your network has posted ${ip.points} comments in the last ${ip.seconds === 60 ? "minute" : `${ip.seconds} seconds`}, the most we accept. Wait a little and try again.`,
      };
  },
};
