// Posting, editing and deleting comments. Every new or edited body goes through lib/moderation's
// pipeline and its verdict is stored with the comment. The counters pages read move in the same
// transaction as the change, through ./counters (their one home). Status changes after posting
// (moderators, appeals, reports) are lib/moderation/comment-state's.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cacheTags, invalidate } from "@/lib/cache";
import { type Executor, isUuid, rowsOf } from "@/lib/db";
import { Conflict, Forbidden, Invalid, NotFound, RateLimited } from "@/lib/errors";
import { messageText, msg } from "@/lib/i18n/text";
import { moderateComment, type Verdict } from "@/lib/moderation";
import { outboxInsert, recordEvent } from "@/lib/notifications/outbox";
import { articleSlugOf, type CommentArticle, requireCommentArticle } from "./articles";
import { enforcedCommentLimits, THREADS } from "./config";
import { moveCounters, newCommentCounterCtes } from "./counters";
import { COMMENTS_CHANNEL, publishCommentEvent } from "./live";
import { findCommentRow } from "./queries";
import { renderCommentBody } from "./render";
import { checkBody } from "./text";
import { type CommentRow, SEGMENT, segment, toPublic } from "./tree";
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

/**
 * Verdicts that refuse the action itself: nothing is stored. Forbidden for who or where (closed article,
 * banned or suspended author), RateLimited (with when to retry) for going too fast.
 */
const REFUSALS: Record<string, "forbidden" | "rate_limited"> = {
  comments_closed: "forbidden",
  author_banned: "forbidden",
  author_suspended: "forbidden",
  rate_limited: "rate_limited",
  rate_limited_network: "rate_limited",
};

function refuseIfRefusal(verdict: Verdict): void {
  const kind = REFUSALS[verdict.reason];
  if (!kind) return;
  if (kind === "rate_limited")
    throw new RateLimited(messageText(verdict.message), verdict.retryAfterSeconds ?? 60, verdict.reason);
  throw new Forbidden(messageText(verdict.message), verdict.reason);
}

async function bodyOrThrow(db: Db, raw: unknown): Promise<string> {
  const r = checkBody(raw, await enforcedCommentLimits(db));
  if (!r.ok) throw new Invalid("body", messageText(r.message), r.code);
  return r.body;
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
  // an empty string is not "no parent": only null or absent posts a top-level comment
  const parent = input.parentId != null ? await findParent(db, article, author, input.parentId) : null;

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
    ), ev as (${outboxInsert({ type: "comment.created", commentId: id, data: { status: verdict.status } })})${newCommentCounterCtes(visible, article.id, parent)}${
      visible
        ? sql`,
      live as (select pg_notify(${COMMENTS_CHANNEL}, ${JSON.stringify({ kind: "new", slug: article.slug, id })}))`
        : sql``
    }
    select id, seq, created_at, exists (select 1 from articles wa join authors wu on wu.id = wa.author_id
      where wa.id = ${article.id}::uuid and wu.user_id = ${author.id}::text) as author_writes
    from ins${visible ? sql` cross join live` : sql``}`,
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
    authorRole: author.role,
    authorWrites: rows[0].author_writes === true || rows[0].author_writes === "t",
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
  const missing = () => new Invalid("parentId", msg("Api.comments.invalidParent"), "invalid_parent");
  if (!isUuid(parentId)) throw missing();
  const p = await findCommentRow(db, parentId);
  if (!p || p.articleId !== article.id) throw missing();
  if (p.status === "deleted")
    throw new Conflict("parent_deleted", msg("Api.comments.parentDeleted"), "parentId");
  if (p.status !== "approved") {
    if (p.authorId === author.id)
      throw new Conflict("parent_not_public", msg("Api.comments.parentNotPublic"), "parentId");
    throw missing();
  }
  if (p.depth + 1 > THREADS.maxDepth)
    throw new Invalid("parentId", msg("Api.comments.tooDeep", { maxDepth: THREADS.maxDepth }), "too_deep");
  return p;
}

/** A comment the viewer may act on: unknown ids and others' unpublished comments are 404. */
async function loadOwnable(db: Executor, author: Author, id: string, forUpdate = false): Promise<CommentRow> {
  const notFound = () => new NotFound(msg("Api.comments.noSuchComment"));
  if (!isUuid(id)) throw notFound();
  const c = await findCommentRow(db, id, { forUpdate });
  if (!c) throw notFound();
  const isAuthor = c.authorId === author.id;
  if (!isAuthor && c.status !== "approved" && c.status !== "deleted") throw notFound();
  return c;
}

/**
 * A moderator's decision is final for its author's edits: a comment a moderator rejected, marked as
 * spam or removed cannot be edited back into view (the appeal is the way to contest it).
 */
function refuseIfDecidedByModerator(c: {
  status: CommentStatus;
  decidedBy: string | null;
  statusReason: string | null;
}): void {
  if (c.decidedBy !== "moderator") return;
  if (c.status !== "rejected" && c.status !== "spam" && c.status !== "deleted") return;
  // the author deleting a comment a moderator had approved keeps decided_by: that is not a removal
  if (c.status === "deleted" && c.statusReason === "deleted_by_author") return;
  const what = c.status === "spam" ? "marked as spam" : c.status === "deleted" ? "removed" : "rejected";
  throw new Conflict("decided_by_moderator", msg("Api.comments.decidedByModerator", { what }));
}

async function moderationStateOf(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<{ body: string; status: CommentStatus; decidedBy: string | null; statusReason: string | null }> {
  const [r] = await rowsOf(
    db,
    sql`select body, status, decided_by, status_reason from comments
        where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return {
    body: String(r?.body ?? ""),
    status: r?.status as CommentStatus,
    decidedBy: r?.decided_by == null ? null : String(r.decided_by),
    statusReason: r?.status_reason == null ? null : String(r.status_reason),
  };
}

/**
 * Edits the author's own comment within the edit window; keeps the old text as a revision. The new text
 * goes through the pipeline again; a held comment stays held whatever the pipeline says (a moderator
 * has yet to read it), and one a moderator rejected, marked as spam or removed cannot be edited (409
 * `decided_by_moderator`).
 */
export async function editComment(
  db: Db,
  author: Author,
  id: string,
  input: { body: unknown; ipHash: string },
): Promise<WriteResult> {
  const c = await loadOwnable(db, author, id);
  if (c.authorId !== author.id) throw new Forbidden(msg("Api.comments.notAuthor"), "not_author");
  refuseIfDecidedByModerator(await moderationStateOf(db, c.id));
  if (c.status === "deleted") throw new Conflict("deleted", msg("Api.comments.deleted3"));
  const { editWindowMinutes } = await enforcedCommentLimits(db);
  if (Date.now() - c.createdAt.getTime() > editWindowMinutes * 60_000)
    throw new Conflict("edit_window_closed", msg("Api.comments.editWindowClosed", { editWindowMinutes }));
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
    const old = await moderationStateOf(tx, c.id);
    // a moderator may have decided while the pipeline ran
    refuseIfDecidedByModerator(old);
    if (cur.status === "deleted") throw new Conflict("deleted", msg("Api.comments.deleted3"));
    if (old.body === body) return { changed: false, row: cur, message: "No changes." };
    await rowsOf(tx, sql`insert into comment_revisions (comment_id, body) values (${c.id}, ${old.body})`);
    // held stays held: only a moderator publishes a comment that was held (a stricter verdict still wins)
    const stillHeld = cur.status === "pending" && verdict.status === "approved";
    const message = stillHeld
      ? `Saved. ${cur.statusMessage ?? "It is still held for review: a moderator will read it soon."}`
      : verdict.message;
    await rowsOf(
      tx,
      stillHeld
        ? sql`update comments set body = ${body}, body_html = ${renderCommentBody(body)}, edited_at = now()
              where id = ${c.id}`
        : sql`update comments set body = ${body}, body_html = ${renderCommentBody(body)}, edited_at = now(),
            status = ${verdict.status}, status_reason = ${verdict.reason}, status_message = ${verdict.message},
            decided_by = ${verdict.phase}, moderation_tags = ${JSON.stringify(verdict.tags)}::jsonb
          where id = ${c.id}`,
    );
    if (!stillHeld) await moveCounters(tx, cur, cur.status, verdict.status);
    return { changed: true, row: cur, message };
  });
  const row = (await findCommentRow(db, c.id))!;
  if (result.changed && (result.row.status === "approved" || row.status === "approved"))
    await announce(slug, result.row.status === "approved" ? "update" : "new", c.id);
  return {
    id: c.id,
    status: row.status,
    message: result.message,
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
  if (c.authorId !== author.id) throw new Forbidden(msg("Api.comments.notAuthor2"), "not_author");
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
