import type { Phase, PrefetchContext } from "../types";

/** How many of an article's latest comments the held/rejected share is taken over, and the least. */
export const SURGE_SAMPLE = 50;
export const SURGE_MIN_SAMPLE = 10;
/** holds that say nothing about the discussion's health (mode, surge itself, newcomers) */
const NEUTRAL_HOLDS = new Set(["premoderation", "surge", "new_commenter"]);

/** Percentage of outcomes that were held by a rule or rejected (neutral holds excluded). */
export function troubledShare(outcomes: { status: string; decidedBy: string | null }[]): number {
  if (!outcomes.length) return 0;
  const bad = outcomes.filter(
    (o) =>
      o.status === "rejected" ||
      o.status === "spam" ||
      (o.status === "pending" && !NEUTRAL_HOLDS.has(o.decidedBy ?? "")),
  ).length;
  return (100 * bad) / outcomes.length;
}

const HOLD = {
  status: "pending" as const,
  reason: "surge",
  message:
    "Held for review: this discussion is very busy right now, so new comments appear after a moderator has read them.",
  tags: ["surge"],
};

/**
 * Surge mode: more than X comments a minute on the article, or more than Y % of its last 50 comments
 * held or rejected, switches the article to premoderation for a set time (articles.surge_until). Only
 * comments after the last surge ended count, so a surge that ends (or is ended early by a moderator)
 * does not re-trigger on its own held comments.
 */
/** Where the two surge windows start: the last minute, and the last day (both after the last surge). */
function windows(ctx: PrefetchContext) {
  const until = ctx.article.surgeUntil;
  const minuteAgo = new Date(ctx.now.getTime() - 60_000);
  const dayAgo = new Date(ctx.now.getTime() - 24 * 3600_000);
  return {
    minute: until && until > minuteAgo ? until : minuteAgo,
    day: until && until > dayAgo ? until : dayAgo,
  };
}

export const surge: Phase = {
  name: "surge",
  prefetch(input, ctx) {
    const until = ctx.article.surgeUntil;
    if ((until && until > ctx.now) || input.commentId) return;
    const w = windows(ctx);
    ctx.facts.articleCommentsSince(w.minute, ctx.settings.surgeCommentsPerMinute).catch(() => {});
    ctx.facts.articleLatestOutcomes(w.day, SURGE_SAMPLE).catch(() => {});
  },
  async run(input, ctx) {
    const until = ctx.article.surgeUntil;
    if (until && until > ctx.now) return ctx.author.role === "reader" ? HOLD : undefined;
    if (input.commentId) return;
    const s = ctx.settings;
    const w = windows(ctx);
    const lastMinute = (await ctx.facts.articleCommentsSince(w.minute, s.surgeCommentsPerMinute)) + 1;
    let why: Record<string, unknown> | null = null;
    if (lastMinute > s.surgeCommentsPerMinute)
      why = { trigger: "rate", commentsLastMinute: lastMinute, threshold: s.surgeCommentsPerMinute };
    else {
      // after the last surge, and within the last day: an article quiet for a day has no surge to detect
      const outcomes = await ctx.facts.articleLatestOutcomes(w.day, SURGE_SAMPLE);
      const share = troubledShare(outcomes);
      if (outcomes.length >= SURGE_MIN_SAMPLE && share > s.surgeHeldPercent)
        why = {
          trigger: "held_share",
          heldPercent: Math.round(share),
          sample: outcomes.length,
          threshold: s.surgeHeldPercent,
        };
    }
    if (!why) return;
    await ctx.facts.startSurge(new Date(ctx.now.getTime() + s.surgeMinutes * 60_000), ctx.now, why);
    return ctx.author.role === "reader" ? HOLD : { tags: ["surge"] };
  },
};
