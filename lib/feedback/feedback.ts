// Article rating (1–5) and "Was this page helpful? yes / no": one row per reader per article
// (article_feedback, unique on article_id + voter_key), changeable. The article's counters
// (rating_sum, rating_count, helpful_yes, helpful_no) move in the same transaction; the shown figures
// are imported history plus these (articleStats in lib/articles/queries.ts).
// Lock order: the reader's feedback row(s) first, then the article row.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articleFeedback, articles } from "@/db/schema";
import { type ArticleStats, articleStats } from "@/lib/articles/queries";
import { type Tx, transactionWithRetry } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { isSlug } from "@/lib/validation/text";
import { userKey } from "@/lib/voter/identity";

export interface MyFeedback {
  rating: number | null;
  helpful: boolean | null;
}
export interface FeedbackState {
  stats: ArticleStats;
  mine: MyFeedback;
}
/** A change: a field left out stays as it is; null clears it. */
export interface FeedbackChange {
  rating?: number | null;
  helpful?: boolean | null;
}

const statsColumns = {
  importedViews: articles.importedViews,
  viewCount: articles.viewCount,
  importedRatingAvg: articles.importedRatingAvg,
  importedRatingVotes: articles.importedRatingVotes,
  ratingSum: articles.ratingSum,
  ratingCount: articles.ratingCount,
  importedHelpfulPercent: articles.importedHelpfulPercent,
  helpfulYes: articles.helpfulYes,
  helpfulNo: articles.helpfulNo,
};

// a slug that is not one (a NUL, stray text) matches nothing, without asking PostgreSQL (which refuses NUL)
const published = (slug: string) =>
  isSlug(slug)
    ? and(eq(articles.slug, slug), eq(articles.status, "published"), sql`${articles.publishedAt} <= now()`)
    : sql`false`;

const none: MyFeedback = { rating: null, helpful: null };

/** The article's figures and this reader's own answers; null for an unknown or unpublished article. */
export async function getFeedback(
  db: Db,
  slug: string,
  voterKey: string | null,
): Promise<FeedbackState | null> {
  const [a] = await db
    .select({ id: articles.id, ...statsColumns })
    .from(articles)
    .where(published(slug))
    .limit(1);
  if (!a) return null;
  let mine = none;
  if (voterKey) {
    const [row] = await db
      .select({ rating: articleFeedback.rating, helpful: articleFeedback.helpful })
      .from(articleFeedback)
      .where(and(eq(articleFeedback.articleId, a.id), eq(articleFeedback.voterKey, voterKey)))
      .limit(1);
    if (row) mine = row;
  }
  return { stats: articleStats(a), mine };
}

interface Counters {
  ratingSum: number;
  ratingCount: number;
  helpfulYes: number;
  helpfulNo: number;
}

function contribution(f: MyFeedback, sign: 1 | -1, into: Counters) {
  if (f.rating != null) {
    into.ratingSum += sign * f.rating;
    into.ratingCount += sign;
  }
  if (f.helpful === true) into.helpfulYes += sign;
  if (f.helpful === false) into.helpfulNo += sign;
}

async function moveCounters(tx: Tx, articleId: string, c: Counters) {
  const [row] = await tx
    .update(articles)
    .set({
      ratingSum: sql`${articles.ratingSum} + ${c.ratingSum}`,
      ratingCount: sql`${articles.ratingCount} + ${c.ratingCount}`,
      helpfulYes: sql`${articles.helpfulYes} + ${c.helpfulYes}`,
      helpfulNo: sql`${articles.helpfulNo} + ${c.helpfulNo}`,
    })
    .where(eq(articles.id, articleId))
    .returning({ slug: articles.slug, ...statsColumns });
  return row;
}

const zero = (): Counters => ({ ratingSum: 0, ratingCount: 0, helpfulYes: 0, helpfulNo: 0 });

/** The id of a published article, or null. */
export async function publishedArticleId(db: Db, slug: string): Promise<string | null> {
  const [a] = await db.select({ id: articles.id }).from(articles).where(published(slug)).limit(1);
  return a?.id ?? null;
}

/** Whether this voter has answered on this article before. */
export async function hasFeedback(db: Db, articleId: string, voterKey: string): Promise<boolean> {
  const [row] = await db
    .select({ id: articleFeedback.id })
    .from(articleFeedback)
    .where(and(eq(articleFeedback.articleId, articleId), eq(articleFeedback.voterKey, voterKey)))
    .limit(1);
  return Boolean(row);
}

/** Records this reader's rating and/or helpful answer on an article (by id). */
export async function setFeedback(
  db: Db,
  articleId: string,
  voter: { voterKey: string; userId: string | null },
  change: FeedbackChange,
): Promise<FeedbackState> {
  return transactionWithRetry(db, async (tx) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      let old: MyFeedback = none;
      const inserted = await tx
        .insert(articleFeedback)
        .values({
          articleId,
          voterKey: voter.voterKey,
          userId: voter.userId,
          rating: change.rating ?? null,
          helpful: change.helpful ?? null,
        })
        .onConflictDoNothing({ target: [articleFeedback.articleId, articleFeedback.voterKey] })
        .returning({ id: articleFeedback.id });
      const next: MyFeedback = { rating: change.rating ?? null, helpful: change.helpful ?? null };
      if (inserted.length === 0) {
        const [row] = await tx
          .select({
            id: articleFeedback.id,
            rating: articleFeedback.rating,
            helpful: articleFeedback.helpful,
          })
          .from(articleFeedback)
          .where(and(eq(articleFeedback.articleId, articleId), eq(articleFeedback.voterKey, voter.voterKey)))
          .for("update");
        if (!row) continue;
        old = { rating: row.rating, helpful: row.helpful };
        next.rating = change.rating === undefined ? old.rating : change.rating;
        next.helpful = change.helpful === undefined ? old.helpful : change.helpful;
        await tx
          .update(articleFeedback)
          .set({ rating: next.rating, helpful: next.helpful, updatedAt: new Date() })
          .where(eq(articleFeedback.id, row.id));
      }
      const c = zero();
      contribution(old, -1, c);
      contribution(next, 1, c);
      const row = await moveCounters(tx, articleId, c);
      if (!row) throw new NotFound(msg("Api.feedback.thisArticleIsNo"));
      return { stats: articleStats(row), mine: next };
    }
    throw new Error("article feedback: the reader's row kept appearing and vanishing");
  });
}

/**
 * Inside a merge transaction: the anonymous reader's ratings become the account's. Where both answered,
 * the more recent answer wins per field (an unanswered field never overwrites an answer); each article
 * counts one reader. Returns the slugs of the articles whose figures changed.
 */
export async function mergeFeedbackTx(tx: Tx, anonVoterKey: string, userId: string): Promise<string[]> {
  const acctKey = userKey(userId);
  const anonRows = await tx
    .select()
    .from(articleFeedback)
    .where(eq(articleFeedback.voterKey, anonVoterKey))
    .orderBy(articleFeedback.articleId)
    .for("update");
  const slugs: string[] = [];
  for (const anon of anonRows) {
    const [acct] = await tx
      .select()
      .from(articleFeedback)
      .where(and(eq(articleFeedback.articleId, anon.articleId), eq(articleFeedback.voterKey, acctKey)))
      .for("update");
    if (!acct) {
      await tx
        .update(articleFeedback)
        .set({ voterKey: acctKey, userId })
        .where(eq(articleFeedback.id, anon.id));
      continue; // the same answers, now the account's: the figures do not move
    }
    const anonNewer = anon.updatedAt.getTime() > acct.updatedAt.getTime();
    const [first, second] = anonNewer ? [anon, acct] : [acct, anon];
    const final: MyFeedback = {
      rating: first.rating ?? second.rating,
      helpful: first.helpful ?? second.helpful,
    };
    await tx.delete(articleFeedback).where(eq(articleFeedback.id, anon.id));
    await tx
      .update(articleFeedback)
      .set({ rating: final.rating, helpful: final.helpful, updatedAt: first.updatedAt })
      .where(eq(articleFeedback.id, acct.id));
    const c = zero();
    contribution(anon, -1, c);
    contribution(acct, -1, c);
    contribution(final, 1, c);
    const row = await moveCounters(tx, anon.articleId, c);
    if (row) slugs.push(row.slug);
  }
  return slugs;
}
