// Retention: hashed IPs and anonymous voter ids are kept no longer than AGORA_RETENTION_DAYS (default
// 30). After that they are dropped from vote, view and rate-limit records; the totals (poll option
// counts, comment scores, article figures) live on their own rows and do not change. The audit log
// (moderation_actions) is kept.
import "server-only";
import { and, isNotNull, like, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articleFeedback, articleViews, comments, pollVotes, rateLimits } from "@/db/schema";

export const DEFAULT_RETENTION_DAYS = 30;

const daysSchema = z.coerce.number().int().min(1).max(3650);

/** The configured period; a bad AGORA_RETENTION_DAYS is an error naming the variable, not a silent default. */
export function retentionDays(value = process.env.AGORA_RETENTION_DAYS): number {
  if (value === undefined || value === "") return DEFAULT_RETENTION_DAYS;
  const r = daysSchema.safeParse(value);
  if (!r.success)
    throw new Error(`AGORA_RETENTION_DAYS must be a whole number of days from 1 to 3650 (got "${value}")`);
  return r.data;
}

export interface RetentionResult {
  cutoff: string;
  /** poll_votes rows whose ip_hash was dropped */
  pollVoteIpHashes: number;
  /** poll_votes rows whose anonymous voter id ("a:…") was replaced by a meaningless one */
  pollVoterIds: number;
  /** article_feedback rows whose anonymous voter id was replaced */
  feedbackVoterIds: number;
  /** comments whose ip_hash was dropped */
  commentIpHashes: number;
  /** article_views rows deleted (the counter lives on articles.view_count) */
  viewRows: number;
  /** expired rate-limit counters deleted (their keys may hold hashed IPs) */
  rateLimitRows: number;
}

/**
 * Applies the retention period once, in one transaction. Idempotent; safe on several instances at once.
 * An anonymous voter id becomes "expired:<row id>": still unique per poll (the unique index holds), tied
 * to no one. The same browser could then vote again in that poll, which is the price of forgetting it.
 */
export async function applyRetention(
  db: Db,
  opts: { days?: number; now?: Date } = {},
): Promise<RetentionResult> {
  const now = opts.now ?? new Date();
  const days = opts.days ?? retentionDays();
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const pollIps = await tx
      .update(pollVotes)
      .set({ ipHash: null })
      .where(and(isNotNull(pollVotes.ipHash), lt(pollVotes.updatedAt, cutoff)))
      .returning({ id: pollVotes.id });
    const pollVoters = await tx
      .update(pollVotes)
      .set({ voterKey: sql`'expired:' || ${pollVotes.id}::text` })
      .where(and(like(pollVotes.voterKey, "a:%"), lt(pollVotes.updatedAt, cutoff)))
      .returning({ id: pollVotes.id });
    const feedbackVoters = await tx
      .update(articleFeedback)
      .set({ voterKey: sql`'expired:' || ${articleFeedback.id}::text` })
      .where(and(like(articleFeedback.voterKey, "a:%"), lt(articleFeedback.updatedAt, cutoff)))
      .returning({ id: articleFeedback.id });
    const commentIps = await tx
      .update(comments)
      .set({ ipHash: null })
      .where(and(isNotNull(comments.ipHash), lt(comments.createdAt, cutoff)))
      .returning({ id: comments.id });
    const views = await tx
      .delete(articleViews)
      .where(lt(articleViews.day, cutoffDay))
      .returning({ day: articleViews.day });
    const limits = await tx
      .delete(rateLimits)
      .where(and(isNotNull(rateLimits.expire), lt(rateLimits.expire, now.getTime())))
      .returning({ key: rateLimits.key });
    return {
      cutoff: cutoff.toISOString(),
      pollVoteIpHashes: pollIps.length,
      pollVoterIds: pollVoters.length,
      feedbackVoterIds: feedbackVoters.length,
      commentIpHashes: commentIps.length,
      viewRows: views.length,
      rateLimitRows: limits.length,
    };
  });
}
