// The one owner of a stored comment's status after posting (moderator decisions, appeals, automatic
// hiding on reports). The counters move through lib/comments/counters in the same transaction; the
// author's message follows the new status; the caller learns whether the public page changed.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { articles, comments, reports } from "@/db/schema";
import { moveCounters } from "@/lib/comments/counters";
import { isUuid, type Tx } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { recordEvent } from "@/lib/notifications/outbox";
import { explainStatus } from "./messages";

export type CommentStatus = (typeof comments.$inferSelect)["status"];

export interface LockedComment {
  id: string;
  articleId: string;
  slug: string;
  authorId: string | null;
  parentId: string | null;
  rootId: string | null;
  path: string;
  status: CommentStatus;
  statusReason: string | null;
  decidedBy: string | null;
  featured: boolean;
  pinned: boolean;
}

export function noSuchComment(id: string): NotFound {
  return new NotFound(msg("Api.moderation.noCommentWithId", { id: id.slice(0, 60) }));
}

/** Reads and row-locks a comment for the rest of the transaction; 404 when there is none. */
export async function lockComment(tx: Tx, id: string): Promise<LockedComment> {
  if (!isUuid(id)) throw noSuchComment(id);
  const [c] = await tx
    .select({
      id: comments.id,
      articleId: comments.articleId,
      slug: articles.slug,
      authorId: comments.authorId,
      parentId: comments.parentId,
      rootId: comments.rootId,
      path: comments.path,
      status: comments.status,
      statusReason: comments.statusReason,
      decidedBy: comments.decidedBy,
      featured: comments.featured,
      pinned: comments.pinned,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.id, id))
    .for("update", { of: comments });
  if (!c) throw noSuchComment(id);
  return c;
}

/**
 * Moves a locked comment to `status`. Leaving "approved" clears featured/pinned. Returns whether the
 * public page changes.
 */
export async function setCommentStatus(
  tx: Tx,
  c: LockedComment,
  next: { status: CommentStatus; decidedBy: string; reason: string | null },
): Promise<{ visibleChanged: boolean }> {
  const wasVisible = c.status === "approved";
  const isVisible = next.status === "approved";
  await tx
    .update(comments)
    .set({
      status: next.status,
      decidedBy: next.decidedBy,
      statusReason: next.reason,
      // what the author is told about it from now on (the pipeline's message was for the old status)
      statusMessage: explainStatus({
        status: next.status,
        decidedBy: next.decidedBy,
        statusReason: next.reason,
      }),
      ...(isVisible ? {} : { featured: false, pinned: false }),
      deletedAt: next.status === "deleted" ? new Date() : null,
    })
    .where(eq(comments.id, c.id));
  await recordEvent(tx, {
    type: "comment.status",
    commentId: c.id,
    data: { from: c.status, to: next.status, reason: next.reason },
  });
  // counters (ancestors' reply counts, the article's comment count) move in lib/comments/counters
  await moveCounters(tx, c, c.status, next.status);
  const delta = Number(isVisible) - Number(wasVisible);
  c.status = next.status;
  c.decidedBy = next.decidedBy;
  c.statusReason = next.reason;
  if (!isVisible) c.featured = c.pinned = false;
  return { visibleChanged: delta !== 0 };
}

/** Marks the comment's open reports resolved; returns how many were open. */
export async function resolveReports(tx: Tx, commentId: string, actorId: string): Promise<number> {
  const done = await tx
    .update(reports)
    .set({ resolvedAt: new Date(), resolvedBy: actorId })
    .where(and(eq(reports.commentId, commentId), isNull(reports.resolvedAt)))
    .returning({ id: reports.id });
  await tx.update(comments).set({ reportCount: 0 }).where(eq(comments.id, commentId));
  return done.length;
}
