// Reads for one reader or one comment: replies beyond the first few, a comment in context (its page),
// a single comment, and the reader's own state on an article (votes, held comments).
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { decide } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { isUuid, rowsOf } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { inQuietHours } from "@/lib/moderation/phases/quiet-hours";
import { getSettings } from "@/lib/settings";
import { articleSlugOf, type CommentArticle } from "./articles";
import { enforcedCommentLimits, THREADS } from "./config";
import { parseReplyCursor, replyCursorFor } from "./cursor";
import { attachVotedTags } from "./poll-tags";
import {
  authorCols,
  COMMENT_COLS,
  findCommentRow,
  loadAncestors,
  loadReplies,
  loadSubtree,
  mapRow,
} from "./queries";
import { type CommentRow, toPublic } from "./tree";
import type { PublicComment, RepliesPage, ViewerState } from "./types";
import { votesOnArticle } from "./votes";

const isPublic = (c: CommentRow) => c.status === "approved" || c.status === "deleted";
/** Staff reads (held comments, source text) follow lib/auth/permissions: role and account status. */
const isActiveStaff = (v: Viewer | null) => v != null && decide(v, "moderate").ok;

/** A public comment of a published article; anything else is 404, like the article. */
async function publicComment(db: Db, id: string): Promise<{ row: CommentRow; slug: string }> {
  const notFound = () => new NotFound(msg("Api.comments.noSuchComment"));
  if (!isUuid(id)) throw notFound();
  const row = await findCommentRow(db, id, { onPublishedArticle: true });
  if (!row || !isPublic(row)) throw notFound();
  const slug = await articleSlugOf(db, row.articleId);
  if (!slug) throw notFound();
  return { row, slug };
}

/**
 * Replies of a comment after `cursor`, each with its first replies nested down to absolute depth
 * `depth` (at most THREADS.visibleDepth levels below the comment).
 */
export async function getReplies(
  db: Db,
  id: string,
  opts: { cursor?: string | null; limit?: number; depth?: number | null },
): Promise<RepliesPage> {
  const { row, slug } = await publicComment(db, id);
  const after = opts.cursor ? parseReplyCursor(opts.cursor) : 0;
  const deepest = row.depth + THREADS.visibleDepth;
  const maxDepth = Math.max(row.depth + 1, Math.min(opts.depth ?? deepest, deepest));
  const page = await loadReplies(db, row, slug, after, opts.limit ?? 10, maxDepth);
  await attachVotedTags(db, slug, page.comments);
  return {
    parentId: row.id,
    comments: page.comments,
    nextCursor: page.nextSeq != null ? replyCursorFor(page.nextSeq) : null,
    remaining: page.remaining,
  };
}

export interface CommentContext {
  slug: string;
  /** root first, down to the comment's parent */
  ancestors: PublicComment[];
  comment: PublicComment;
}

/** A published comment in context: its ancestors and its replies (for its own page). */
export async function getCommentContext(db: Db, slug: string, id: string): Promise<CommentContext | null> {
  if (!isUuid(id)) return null;
  const row = await findCommentRow(db, id, { onPublishedArticle: true });
  if (!row || !isPublic(row)) return null;
  const realSlug = await articleSlugOf(db, row.articleId);
  if (realSlug !== slug) return null;
  const [ancestors, comment] = await Promise.all([loadAncestors(db, row), loadSubtree(db, row, slug)]);
  const pubAncestors = ancestors.map((a) => toPublic(a, slug));
  await attachVotedTags(db, slug, [...pubAncestors, comment]);
  return { slug, ancestors: pubAncestors, comment };
}

/**
 * One comment as this viewer may see it; the source text is included for its author and moderators.
 * Comments of an unpublished or scheduled article are 404 (like the article) except to active staff;
 * held ones are shown to their author and to active staff only (a banned or suspended moderator reads
 * what readers read).
 */
export async function getCommentForViewer(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<PublicComment & { body?: string; articleSlug: string }> {
  const notFound = () => new NotFound(msg("Api.comments.noSuchComment"));
  if (!isUuid(id)) throw notFound();
  const staff = isActiveStaff(viewer);
  const row = await findCommentRow(db, id, { onPublishedArticle: !staff });
  if (!row) throw notFound();
  const own = viewer != null && row.authorId === viewer.id;
  if (!isPublic(row) && !own && !staff) throw notFound();
  const slug = (await articleSlugOf(db, row.articleId)) ?? "";
  const out: PublicComment & { body?: string; articleSlug: string } = {
    ...toPublic(row, slug),
    articleSlug: slug,
  };
  if ((own && row.status !== "deleted") || staff) {
    const [b] = await rowsOf(db, sql`select body from comments where id = ${id}`);
    out.body = String(b?.body ?? "");
  }
  return out;
}

/**
 * Earlier versions of a comment, newest first: anyone may read those of a published comment ("Edited"
 * opens them); those of a removed, held or rejected one (or of an unpublished article's) only active staff.
 */
export async function getRevisions(
  db: Db,
  id: string,
  viewer: Viewer | null = null,
): Promise<{ body: string; createdAt: string }[]> {
  if (!isUuid(id)) throw new NotFound(msg("Api.comments.noSuchComment"));
  if (!isActiveStaff(viewer)) {
    const { row } = await publicComment(db, id);
    if (row.status !== "approved") throw new NotFound(msg("Api.comments.noSuchComment"));
  }
  const rows = await rowsOf(
    db,
    sql`select body, created_at from comment_revisions where comment_id = ${id} order by created_at desc`,
  );
  return rows.map((r) => ({
    body: String(r.body),
    createdAt: new Date(r.created_at as string).toISOString(),
  }));
}

const OWN_HELD_LIMIT = 20;

/** The quiet-hours message when comments on the article are closed right now, else null. */
export async function quietHoursMessage(db: Db, articleId: string, now = new Date()): Promise<string | null> {
  const rows = await rowsOf(db, sql`select quiet_start, quiet_end from articles where id = ${articleId}`);
  const start = (rows[0]?.quiet_start as string | null) ?? null;
  const end = (rows[0]?.quiet_end as string | null) ?? null;
  if (!start || !end) return null;
  const { timeZone } = await getSettings(db);
  if (!inQuietHours(now, start, end, timeZone)) return null;
  return `Comments on this article are closed between ${start} and ${end} (${timeZone}) each day. They reopen at ${end}.`;
}

/** What this reader sees beyond the shared page: who they are, their votes, their held comments. */
export async function getViewerState(
  db: Db,
  viewer: Viewer | null,
  article: CommentArticle,
  /** lib/auth/permissions' decision for "comment" (decided by the caller) */
  access: { ok: boolean; message?: string },
): Promise<ViewerState> {
  // the limits the server enforces (admin settings): the form counts against these, not env defaults
  if (!viewer) {
    const [limits, closedMessage] = await Promise.all([
      enforcedCommentLimits(db),
      quietHoursMessage(db, article.id),
    ]);
    return { viewer: null, votes: {}, pending: [], limits, closedMessage };
  }
  const d = access;
  const [votes, held, limits, closedMessage] = await Promise.all([
    votesOnArticle(db, viewer.id, article.id),
    rowsOf(
      db,
      // the same author columns as the public tree (badges: staff, the article's author)
      sql`select ${COMMENT_COLS}, ${authorCols("c")}
          from comments c join users u on u.id = c.author_id
          where c.author_id = ${viewer.id} and c.article_id = ${article.id}
            and c.status in ('pending', 'rejected', 'spam')
            and coalesce(c.status_reason, '') not in ('quiet_hours', 'duplicate')
          order by c.created_at desc limit ${OWN_HELD_LIMIT}`,
    ),
    enforcedCommentLimits(db),
    quietHoursMessage(db, article.id),
  ]);
  return {
    viewer: {
      id: viewer.id,
      name: viewer.name,
      role: viewer.role,
      canComment: d.ok,
      blockedReason: d.ok ? null : (d.message ?? "You cannot comment right now."),
    },
    votes,
    pending: held.map((r) => toPublic(mapRow(r), article.slug)),
    limits,
    closedMessage,
  };
}
