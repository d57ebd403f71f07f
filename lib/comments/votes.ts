// Up/down votes on comments: one per reader per comment, changeable and undoable, never on one's own.
// The comment's score, up/down counts and confidence move in the vote's transaction, under the
// comment's row lock, so any number of concurrent votes add up exactly.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cacheTags, invalidate } from "@/lib/cache";
import { isUuid, rowsOf } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { articleSlugOf } from "./articles";
import { publishCommentEvent } from "./live";
import { findCommentRow } from "./queries";

export type VoteValue = 1 | -1 | 0;

/** Confidence is stored as an integer: the Wilson lower bound × 1,000,000. */
export const CONFIDENCE_SCALE = 1_000_000;

/** Lower bound of the Wilson score interval (95 %) for up/(up+down): the "top" sort key. */
export function wilsonLowerBound(up: number, down: number, z = 1.959964): number {
  const n = up + down;
  if (n === 0) return 0;
  const p = up / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

export function confidenceOf(up: number, down: number): number {
  return Math.max(0, Math.floor(wilsonLowerBound(up, down) * CONFIDENCE_SCALE));
}

export interface VoteResult {
  id: string;
  value: VoteValue;
  score: number;
  upvotes: number;
  downvotes: number;
}

export async function voteOnComment(
  db: Db,
  voter: { id: string },
  commentId: string,
  value: VoteValue,
): Promise<VoteResult> {
  if (!isUuid(commentId)) throw new NotFound(msg("Api.comments.noSuchComment"));
  const out = await db.transaction(async (tx) => {
    const c = await findCommentRow(tx, commentId, { forUpdate: true, onPublishedArticle: true });
    if (!c || (c.status !== "approved" && c.status !== "deleted"))
      throw new NotFound(msg("Api.comments.noSuchComment"));
    if (c.status === "deleted") throw new Conflict("deleted", msg("Api.comments.deleted2"));
    if (c.authorId === voter.id) throw new Forbidden(msg("Api.comments.ownComment2"), "own_comment");
    const [prev] = await rowsOf(
      tx,
      sql`select value from comment_votes where comment_id = ${commentId} and user_id = ${voter.id}`,
    );
    const old = prev ? (Number(prev.value) as VoteValue) : 0;
    const same = { id: c.id, value, score: c.score, upvotes: c.upvotes, downvotes: c.downvotes };
    if (old === value) return { changed: false, articleId: c.articleId, result: same };
    if (value === 0)
      await rowsOf(
        tx,
        sql`delete from comment_votes where comment_id = ${commentId} and user_id = ${voter.id}`,
      );
    else if (prev)
      await rowsOf(
        tx,
        sql`update comment_votes set value = ${value}, created_at = now()
            where comment_id = ${commentId} and user_id = ${voter.id}`,
      );
    else
      await rowsOf(
        tx,
        sql`insert into comment_votes (comment_id, user_id, value) values (${commentId}, ${voter.id}, ${value})`,
      );
    const upvotes = c.upvotes + (value === 1 ? 1 : 0) - (old === 1 ? 1 : 0);
    const downvotes = c.downvotes + (value === -1 ? 1 : 0) - (old === -1 ? 1 : 0);
    const score = upvotes - downvotes;
    await rowsOf(
      tx,
      sql`update comments set upvotes = ${upvotes}, downvotes = ${downvotes}, score = ${score},
            confidence = ${confidenceOf(upvotes, downvotes)} where id = ${commentId}`,
    );
    return { changed: true, articleId: c.articleId, result: { id: c.id, value, score, upvotes, downvotes } };
  });
  if (out.changed) {
    const slug = await articleSlugOf(db, out.articleId);
    if (slug) {
      const { score, upvotes, downvotes } = out.result;
      await Promise.all([
        invalidate([cacheTags.article(slug)]),
        publishCommentEvent({ kind: "score", slug, id: commentId, score, upvotes, downvotes }),
      ]);
    }
  }
  return out.result;
}

/** The reader's votes on one article's comments: id → 1 | -1. */
export async function votesOnArticle(
  db: Db,
  userId: string,
  articleId: string,
): Promise<Record<string, 1 | -1>> {
  const rows = await rowsOf(
    db,
    sql`select v.comment_id, v.value from comment_votes v join comments c on c.id = v.comment_id
        where v.user_id = ${userId} and c.article_id = ${articleId}`,
  );
  const out: Record<string, 1 | -1> = {};
  for (const r of rows) out[String(r.comment_id)] = Number(r.value) === 1 ? 1 : -1;
  return out;
}
