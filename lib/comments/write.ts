// Posting, editing and deleting comments. Every new or edited body goes through lib/moderation's
// pipeline and its verdict is stored with the comment. The counters pages read (the parent's reply
// count, the ancestors' descendant counts, the article's comment count) move in the same transaction
// as the change, so reads never count rows and writes never lose an increment.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ApiError } from "@/lib/api/http";
import { cacheTags, invalidate } from "@/lib/cache";
import { moderateComment, type Verdict } from "@/lib/moderation";
import { outboxInsert, recordEvent } from "@/lib/notifications/outbox";
import { articleSlugOf, type CommentArticle, requireCommentArticle } from "./articles";
import { enforcedCommentLimits, THREADS } from "./config";
import { COMMENTS_CHANNEL, publishCommentEvent } from "./live";
import { type Conn, findCommentRow, rowsOf } from "./queries";
import { renderCommentBody } from "./render";
import { checkBody } from "./text";
import { type CommentRow, pathSeqs, SEGMENT, segment, toPublic } from "./tree";
import type { CommentStatus, PublicComment } from "./types";

export interface Author {
  id: string;
  role: string;
  /** display name (for the answer; read from the database when absent) */
  name?: string;
  /** the account's state as just read for this request (a Viewer has it): spares moderation a read */
  status?: "active" | "suspended" | "banned";
  suspendedUntil?: Date | null;
  createdAt?: Date;
}

function knownAuthor(a: Author) {
  if (!a.status || !a.createdAt || !["reader", "moderator", "admin"].includes(a.role)) return undefined;
  return {
    id: a.id,
    status: a.status,
    suspendedUntil: a.suspendedUntil ?? null,
    role: a.role as "reader" | "moderator" | "admin",
    createdAt: a.createdAt,
  };
}

export interface WriteResult {
  id: string;
  status: CommentStatus;
  /** what the author is told: "Published." or why it is held or refused */
  message: string;
  comment: PublicComment;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(s: unknown): s is string {
  return typeof s === "string" && UUID.test(s);
}

/**
 * Verdicts that refuse the action itself: nothing is stored. 403 for who or where (closed article,
 * banned or suspended author), 429 with Retry-After for going too fast.
 */
const REFUSALS: Record<string, 403 | 429> = {
  article_closed: 403,
  author_banned: 403,
  author_suspended: 403,
  rate_limited: 429,
  rate_limited_network: 429,
};

function refuseIfRefusal(verdict: Verdict): void {
  const status = REFUSALS[verdict.reason];
  if (!status) return;
  const retry = verdict.retryAfterSeconds;
  throw new ApiError(
    status,
    verdict.reason,
    verdict.message,
    undefined,
    retry ? { "retry-after": String(retry) } : undefined,
  );
}

async function bodyOrThrow(db: Db, raw: unknown): Promise<string> {
  const r = checkBody(raw, await enforcedCommentLimits(db));
  if (!r.ok) throw new ApiError(422, r.code, r.message, "body");
  return r.body;
}

const treeVisible = (s: CommentStatus) => (s === "approved" || s === "deleted" ? 1 : 0);
const counted = (s: CommentStatus) => (s === "approved" ? 1 : 0);

/** Moves the counters for a comment going from one status to another (inside the caller's transaction). */
async function moveCounters(tx: Conn, c: CommentRow, from: CommentStatus, to: CommentStatus): Promise<void> {
  const dTree = treeVisible(to) - treeVisible(from);
  const dArticle = counted(to) - counted(from);
  if (dTree !== 0 && c.parentId) {
    await rowsOf(
      tx,
      sql`update comments set
            reply_count = reply_count + case when id = ${c.parentId} then ${dTree}::int else 0 end,
            descendant_count = descendant_count + ${dTree}::int
          where seq in ${pathSeqs(c.path).slice(0, -1)} and root_id = ${c.rootId}`,
    );
  }
  if (dArticle !== 0) {
    await rowsOf(
      tx,
      sql`update articles set comment_count = greatest(0, comment_count + ${dArticle}::int) where id = ${c.articleId}`,
    );
  }
}

/**
 * The one rule for counters when a stored comment changes status (used by moderation's decisions too):
 * reply/descendant counts of its ancestors and the article's comment count move in the caller's
 * transaction.
 */
export async function moveCountersFor(
  tx: Conn,
  id: string,
  from: CommentStatus,
  to: CommentStatus,
): Promise<void> {
  const c = await findCommentRow(tx, id);
  if (c) await moveCounters(tx, c, from, to);
}

/** After a change others can see: refresh the cached article page and tell live readers. */
async function announce(slug: string, kind: "new" | "update", id: string): Promise<void> {
  await Promise.all([invalidate([cacheTags.article(slug)]), publishCommentEvent({ kind, slug, id })]);
}

export interface PostInput {
  slug: string;
  body: unknown;
  parentId?: string | null;
  ipHash: string;
  honeypot?: string;
}

/** Validates, moderates and stores a new comment or reply. */
export async function postComment(db: Db, author: Author, input: PostInput): Promise<WriteResult> {
  // both reads at once; a bad body is reported before an unknown article, as when they ran in turn
  const [bodyRead, articleRead] = await Promise.allSettled([
    bodyOrThrow(db, input.body),
    requireCommentArticle(db, input.slug),
  ]);
  if (bodyRead.status === "rejected") throw bodyRead.reason;
  if (articleRead.status === "rejected") throw articleRead.reason;
  const body = bodyRead.value;
  const article = articleRead.value;
  if (!article.commentsOpen)
    throw new ApiError(403, "comments_closed", "Comments on this article are closed.");
  const parent = input.parentId ? await findParent(db, article, author, input.parentId) : null;

  const verdict = await moderateComment(
    db,
    {
      body,
      articleId: article.id,
      authorId: author.id,
      parentId: parent?.id ?? null,
      ipHash: input.ipHash,
      honeypot: input.honeypot,
    },
    { author: knownAuthor(author) },
  );
  refuseIfRefusal(verdict);

  const id = randomUUID();
  const bodyHtml = renderCommentBody(body);
  const visible = verdict.status === "approved";
  const ancestors = parent ? pathSeqs(parent.path) : [];
  const prefix = parent ? `${parent.path}.` : "";
  const rows = await rowsOf(
    db,
    sql`with s as (select nextval(pg_get_serial_sequence('comments', 'seq')) as seq),
    ins as (
      insert into comments (id, seq, article_id, parent_id, root_id, depth, path, author_id, body, body_html,
        status, status_reason, status_message, decided_by, moderation_tags, ip_hash)
      select ${id}::uuid, s.seq, ${article.id}::uuid, ${parent?.id ?? null}::uuid, ${parent?.rootId ?? id}::uuid,
        ${parent ? parent.depth + 1 : 0}::smallint, ${prefix}::text || lpad(s.seq::text, ${sql.raw(String(SEGMENT))}, '0'), ${author.id}::text,
        ${body}::text, ${bodyHtml}::text, ${verdict.status}::text, ${verdict.reason}::text,
        ${verdict.message}::text, ${verdict.phase}::text, ${JSON.stringify(verdict.tags)}::jsonb, ${input.ipHash}::text
      from s
      returning id, seq, created_at
    ), ev as (${outboxInsert({ type: "comment.created", commentId: id, data: { status: verdict.status } })})${
      visible && parent
        ? sql`, anc as (
      update comments set
        reply_count = reply_count + case when id = ${parent.id} then 1 else 0 end,
        descendant_count = descendant_count + 1
      where seq in ${ancestors} and root_id = ${parent.rootId}
      returning 1
    )`
        : sql``
    }${
      visible
        ? sql`, art as (update articles set comment_count = comment_count + 1 where id = ${article.id} returning 1),
      live as (select pg_notify(${COMMENTS_CHANNEL}, ${JSON.stringify({ kind: "new", slug: article.slug, id })}))`
        : sql``
    }
    select id, seq, created_at from ins${visible ? sql` cross join live` : sql``}`,
  );
  if (rows.length !== 1) throw new Error("comment insert returned no row");
  const row: CommentRow = {
    id,
    seq: Number(rows[0].seq),
    articleId: article.id,
    parentId: parent?.id ?? null,
    rootId: parent?.rootId ?? id,
    depth: parent ? parent.depth + 1 : 0,
    path: parent ? `${parent.path}.${segment(Number(rows[0].seq))}` : segment(Number(rows[0].seq)),
    authorId: author.id,
    authorName: author.name ?? (await findCommentRow(db, id))?.authorName ?? null,
    bodyHtml,
    status: verdict.status,
    statusMessage: verdict.message,
    score: 0,
    upvotes: 0,
    downvotes: 0,
    confidence: 0,
    replyCount: 0,
    descendantCount: 0,
    pinned: false,
    featured: false,
    createdAt: rows[0].created_at instanceof Date ? rows[0].created_at : new Date(String(rows[0].created_at)),
    editedAt: null,
  };
  // live readers were told by the statement itself (NOTIFY is delivered at commit)
  if (visible) await invalidate([cacheTags.article(article.slug)]);
  return { id, status: verdict.status, message: verdict.message, comment: toPublic(row, article.slug) };
}

async function findParent(
  db: Db,
  article: CommentArticle,
  author: Author,
  parentId: string,
): Promise<CommentRow> {
  const missing = () =>
    new ApiError(422, "invalid_parent", "parentId: there is no such comment on this article.", "parentId");
  if (!isUuid(parentId)) throw missing();
  const p = await findCommentRow(db, parentId);
  if (!p || p.articleId !== article.id) throw missing();
  if (p.status === "deleted")
    throw new ApiError(
      409,
      "parent_deleted",
      "That comment was deleted; replies to it are closed.",
      "parentId",
    );
  if (p.status !== "approved") {
    if (p.authorId === author.id)
      throw new ApiError(
        409,
        "parent_not_public",
        "Your comment is not published yet; replies can follow once it is.",
        "parentId",
      );
    throw missing();
  }
  if (p.depth + 1 > THREADS.maxDepth)
    throw new ApiError(
      422,
      "too_deep",
      `This thread is ${THREADS.maxDepth} replies deep; reply to an earlier comment instead.`,
      "parentId",
    );
  return p;
}

/** A comment the viewer may act on: unknown ids and others' unpublished comments are 404. */
async function loadOwnable(db: Conn, author: Author, id: string, forUpdate = false): Promise<CommentRow> {
  const notFound = () => new ApiError(404, "not_found", "No such comment.");
  if (!isUuid(id)) throw notFound();
  const c = await findCommentRow(db, id, { forUpdate });
  if (!c) throw notFound();
  const isAuthor = c.authorId === author.id;
  if (!isAuthor && c.status !== "approved" && c.status !== "deleted") throw notFound();
  return c;
}

/** Edits the author's own comment within the edit window; keeps the old text as a revision. */
export async function editComment(
  db: Db,
  author: Author,
  id: string,
  input: { body: unknown; ipHash: string },
): Promise<WriteResult> {
  const c = await loadOwnable(db, author, id);
  if (c.authorId !== author.id)
    throw new ApiError(403, "not_author", "Only the author of a comment can edit it.");
  if (c.status === "deleted")
    throw new ApiError(409, "deleted", "This comment was deleted; it cannot be edited.");
  const { editWindowMinutes } = await enforcedCommentLimits(db);
  if (Date.now() - c.createdAt.getTime() > editWindowMinutes * 60_000)
    throw new ApiError(
      409,
      "edit_window_closed",
      `Comments can be edited for ${editWindowMinutes} minutes after posting; this one can no longer be changed.`,
    );
  const body = await bodyOrThrow(db, input.body);
  const slug = (await articleSlugOf(db, c.articleId))!;
  const verdict = await moderateComment(db, {
    body,
    articleId: c.articleId,
    authorId: author.id,
    parentId: c.parentId,
    ipHash: input.ipHash,
    commentId: c.id,
  });
  refuseIfRefusal(verdict);

  const result = await db.transaction(async (tx) => {
    const cur = (await findCommentRow(tx, c.id, { forUpdate: true }))!;
    if (cur.status === "deleted")
      throw new ApiError(409, "deleted", "This comment was deleted; it cannot be edited.");
    const [old] = await rowsOf(tx, sql`select body from comments where id = ${c.id}`);
    if (old.body === body) return { changed: false, row: cur };
    await rowsOf(tx, sql`insert into comment_revisions (comment_id, body) values (${c.id}, ${old.body})`);
    await rowsOf(
      tx,
      sql`update comments set body = ${body}, body_html = ${renderCommentBody(body)}, edited_at = now(),
            status = ${verdict.status}, status_reason = ${verdict.reason}, status_message = ${verdict.message},
            decided_by = ${verdict.phase}, moderation_tags = ${JSON.stringify(verdict.tags)}::jsonb
          where id = ${c.id}`,
    );
    await moveCounters(tx, cur, cur.status, verdict.status);
    return { changed: true, row: cur };
  });
  const row = (await findCommentRow(db, c.id))!;
  if (result.changed && (result.row.status === "approved" || row.status === "approved"))
    await announce(slug, result.row.status === "approved" ? "update" : "new", c.id);
  return {
    id: c.id,
    status: row.status,
    message: result.changed ? verdict.message : "No changes.",
    comment: toPublic(row, slug),
  };
}

/**
 * The author deletes their comment. A published one becomes "[deleted]" and keeps its place (and its
 * replies); one that was never public (held, rejected) is removed outright.
 */
export async function deleteComment(
  db: Db,
  author: Author,
  id: string,
): Promise<{ id: string; status: "deleted" }> {
  const c = await loadOwnable(db, author, id);
  if (c.authorId !== author.id)
    throw new ApiError(403, "not_author", "Only the author of a comment can delete it.");
  if (c.status === "deleted") return { id: c.id, status: "deleted" };
  const wasPublic = await db.transaction(async (tx) => {
    const cur = (await findCommentRow(tx, c.id, { forUpdate: true }))!;
    if (cur.status === "deleted") return false;
    if (cur.status !== "approved") {
      const [kids] = await rowsOf(tx, sql`select count(*)::int as n from comments where parent_id = ${c.id}`);
      if (Number(kids.n) === 0) {
        await rowsOf(tx, sql`delete from comments where id = ${c.id}`);
        return false;
      }
    }
    await rowsOf(
      tx,
      sql`update comments set status = 'deleted', status_reason = 'deleted_by_author', status_message = null,
            deleted_at = now() where id = ${c.id}`,
    );
    await moveCounters(tx, cur, cur.status, "deleted");
    await recordEvent(tx, { type: "comment.deleted", commentId: c.id });
    return cur.status === "approved";
  });
  if (wasPublic) {
    const slug = await articleSlugOf(db, c.articleId);
    if (slug) await announce(slug, "update", c.id);
  }
  return { id: c.id, status: "deleted" };
}

/**
 * Changes a comment's status for moderation (approve a held comment, reject a published one, ...),
 * moving the counters and refreshing caches and live readers. For lib/moderation's decisions.
 */
export async function setCommentStatus(
  db: Db,
  id: string,
  to: Exclude<CommentStatus, "deleted">,
  verdict: { reason: string; message?: string | null; decidedBy: string },
): Promise<CommentRow | null> {
  if (!isUuid(id)) return null;
  const before = await db.transaction(async (tx) => {
    const cur = await findCommentRow(tx, id, { forUpdate: true });
    if (!cur) return null;
    await rowsOf(
      tx,
      sql`update comments set status = ${to}, status_reason = ${verdict.reason},
            status_message = ${verdict.message ?? null}, decided_by = ${verdict.decidedBy}
          where id = ${id}`,
    );
    await moveCounters(tx, cur, cur.status, to);
    return cur;
  });
  if (!before) return null;
  if (before.status === "approved" || to === "approved") {
    const slug = await articleSlugOf(db, before.articleId);
    if (slug) await announce(slug, before.status === "approved" ? "update" : "new", id);
  }
  return findCommentRow(db, id);
}
