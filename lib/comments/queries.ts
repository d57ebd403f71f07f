// Reads of the comment tree. The hot one is a page of top-level threads with their first replies: one
// SQL statement, a keyset range on a partial index for the threads, then per thread one range scan of
// (root_id, path) bounded by a budget, so its cost does not grow with the article's comment count.
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "@/lib/db";
import { THREADS } from "./config";
import type { RootCursor } from "./cursor";
import { rootCursorFor } from "./cursor";
import { buildForest, type CommentRow, pathSeqs } from "./tree";
import type { CommentSort, PublicComment } from "./types";

/** Visible in the tree (a deleted comment stays as "[deleted]" so that its replies keep their place). */
export const TREE_VISIBLE = sql.raw(`('approved','deleted')`);

export const COMMENT_COLS = sql.raw(
  "c.id, c.seq, c.article_id, c.parent_id, c.root_id, c.depth, c.path, c.author_id, c.body_html, c.status, " +
    "c.status_message, c.score, c.upvotes, c.downvotes, c.confidence, c.reply_count, c.descendant_count, " +
    "c.pinned, c.featured, c.created_at, c.edited_at",
);

/**
 * The columns of a comment's author, from the comment row `c` (alias) joined to its account as `u`: name,
 * role, public handle, and whether the account is the linked account of the article's author
 * (authors.user_id, docs/decisions/130-author-accounts.md): two primary-key lookups per row.
 */
export function authorCols(c: string): SQL {
  return sql.raw(
    "u.name as author_name, u.role as author_role, case when u.profile_hidden or u.deleted_at is not null then null else u.handle end as author_handle, " +
      `exists (select 1 from articles wa join authors wu on wu.id = wa.author_id where wa.id = ${c}.article_id and wu.user_id = u.id) as author_writes`,
  );
}

type Raw = Record<string, unknown>;

function date(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

export function mapRow(r: Raw): CommentRow {
  return {
    id: String(r.id),
    seq: Number(r.seq),
    articleId: String(r.article_id),
    parentId: r.parent_id == null ? null : String(r.parent_id),
    rootId: String(r.root_id ?? r.id),
    depth: Number(r.depth),
    path: String(r.path),
    authorId: r.author_id == null ? null : String(r.author_id),
    authorName: r.author_name == null ? null : String(r.author_name),
    authorRole: r.author_role == null ? null : String(r.author_role),
    authorHandle: r.author_handle == null ? null : String(r.author_handle),
    authorWrites: r.author_writes === true || r.author_writes === "t",
    bodyHtml: String(r.body_html ?? ""),
    status: r.status as CommentRow["status"],
    statusMessage: r.status_message == null ? null : String(r.status_message),
    score: Number(r.score),
    upvotes: Number(r.upvotes),
    downvotes: Number(r.downvotes),
    confidence: Number(r.confidence),
    replyCount: Number(r.reply_count),
    descendantCount: Number(r.descendant_count),
    pinned: Boolean(r.pinned),
    featured: Boolean(r.featured),
    createdAt: date(r.created_at),
    editedAt: r.edited_at == null ? null : date(r.edited_at),
  };
}

const ORDER: Record<CommentSort, SQL> = {
  new: sql.raw("seq desc"),
  old: sql.raw("seq asc"),
  top: sql.raw("confidence desc, seq desc"),
  featured: sql.raw("seq desc"),
};

function keyset(sort: CommentSort, cursor: RootCursor | null): SQL {
  if (!cursor) return sql``;
  if (sort === "new" || sort === "featured") return sql`and c.seq < ${cursor.q}`;
  if (sort === "old") return sql`and c.seq > ${cursor.q}`;
  return sql`and (c.confidence, c.seq) < (${cursor.c ?? 0}, ${cursor.q})`;
}

/** The first replies of the comments in `tops` (a CTE name), depth-first, at most `budget` per thread. */
function subtrees(tops: string, maxDepth: number, budget: number): SQL {
  return sql`select 1 as kind, d.*, ${authorCols("d")} from ${sql.raw(tops)} t cross join lateral (
      select ${COMMENT_COLS} from comments c
      where c.root_id = t.root_id and c.path > t.path || '.' and c.path < t.path || '/'
        and c.depth <= ${maxDepth} and c.status in ${TREE_VISIBLE}
      order by c.path limit ${budget}
    ) d left join users u on u.id = d.author_id`;
}

function split(rows: Raw[]): { tops: CommentRow[]; descendants: CommentRow[] } {
  const tops: CommentRow[] = [];
  const descendants: CommentRow[] = [];
  for (const r of rows) (Number(r.kind) === 0 ? tops : descendants).push(mapRow(r));
  descendants.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tops, descendants };
}

function compareRoots(sort: CommentSort) {
  return (a: CommentRow, b: CommentRow) =>
    sort === "old"
      ? a.seq - b.seq
      : sort === "new" || sort === "featured"
        ? b.seq - a.seq
        : b.confidence - a.confidence || b.seq - a.seq;
}

export interface RootPage {
  comments: PublicComment[];
  nextCursor: string | null;
}

/** The statement behind loadRootPage (exported for EXPLAIN in the benchmarks). */
export function rootPageQuery(
  articleId: string,
  sort: CommentSort,
  cursor: RootCursor | null,
  limit: number = THREADS.pageSize,
): SQL {
  const order = ORDER[sort];
  // pinned threads (approved, newest pin first) head the first page under every sort and are left
  // out of the keyset pages, so they show once
  return sql`with pins as (
      select ${COMMENT_COLS} from comments c
      where ${cursor ? sql`false` : sql`true`} and c.article_id = ${articleId} and c.depth = 0
        and c.pinned and c.status = 'approved'
      order by c.seq desc limit ${THREADS.pinnedMax}
    ), roots as (
      select ${COMMENT_COLS} from comments c
      where c.article_id = ${articleId} and c.depth = 0 and c.status in ${TREE_VISIBLE}
        and (c.status = 'approved' or c.reply_count > 0) and not c.pinned ${keyset(sort, cursor)}
      order by ${order} limit ${limit + 1}
    ), tops as (select * from pins union all (select * from roots order by ${order} limit ${limit}))
    select 0 as kind, r.*, ${authorCols("r")}
      from (select * from pins union all select * from roots) r left join users u on u.id = r.author_id
    union all
    ${subtrees("tops", THREADS.visibleDepth, THREADS.perThreadBudget)}`;
}

/** One page of top-level threads with their first replies, in one statement. */
export async function loadRootPage(
  db: Executor,
  article: { id: string; slug: string },
  sort: CommentSort,
  cursor: RootCursor | null,
  limit: number = THREADS.pageSize,
): Promise<RootPage> {
  if (sort === "featured") return loadFeaturedPage(db, article, cursor, limit);
  const rows = await rowsOf(db, rootPageQuery(article.id, sort, cursor, limit));
  const { tops, descendants } = split(rows);
  const pins = tops.filter((t) => t.pinned).sort((a, b) => b.seq - a.seq);
  const rest = tops.filter((t) => !t.pinned).sort(compareRoots(sort));
  const more = rest.length > limit;
  const shown = more ? rest.slice(0, limit) : rest;
  const last = shown[shown.length - 1];
  return {
    comments: buildForest([...pins, ...shown], descendants, article.slug, THREADS.visibleDepth),
    nextCursor: more && last ? rootCursorFor(sort, last.seq, last.confidence) : null,
  };
}

/**
 * The "Featured" list: the article's featured comments at any depth, flat (each on its own, its replies
 * on its own page, like the voted-option list), newest first. Served through the same page cache as
 * the other sorts (the sort is part of the key), so it stays cached until the article changes.
 */
async function loadFeaturedPage(
  db: Executor,
  article: { id: string; slug: string },
  cursor: RootCursor | null,
  limit: number,
): Promise<RootPage> {
  const rows = await rowsOf(
    db,
    sql`select ${COMMENT_COLS}, ${authorCols("c")} from comments c left join users u on u.id = c.author_id
        where c.article_id = ${article.id} and c.featured and c.status = 'approved' ${keyset("featured", cursor)}
        order by c.seq desc limit ${limit + 1}`,
  );
  const mapped = rows.map(mapRow);
  const more = mapped.length > limit;
  const shown = more ? mapped.slice(0, limit) : mapped;
  const last = shown[shown.length - 1];
  return {
    comments: shown.map((r) => {
      const [c] = buildForest([r], [], article.slug, r.depth, 0);
      c.moreReplies = 0;
      c.moreRepliesCursor = null;
      c.continueThread = r.replyCount > 0;
      return c;
    }),
    nextCursor: more && last ? rootCursorFor("featured", last.seq, last.confidence) : null,
  };
}

/** Visible replies of `parent` after `afterSeq` (oldest first), each with its first replies. */
export async function loadReplies(
  db: Executor,
  parent: CommentRow,
  slug: string,
  afterSeq: number,
  limit: number,
  maxDepth: number,
): Promise<{ comments: PublicComment[]; nextSeq: number | null; remaining: number }> {
  const rows = await rowsOf(
    db,
    sql`with kids as (
      select ${COMMENT_COLS} from comments c
      where c.parent_id = ${parent.id} and c.status in ${TREE_VISIBLE} and c.seq > ${afterSeq}
      order by seq limit ${limit + 1}
    ), tops as (select * from kids order by seq limit ${limit})
    select 0 as kind, k.*, ${authorCols("k")} from kids k left join users u on u.id = k.author_id
    union all
    ${subtrees("tops", maxDepth, THREADS.perThreadBudget)}`,
  );
  const { tops, descendants } = split(rows);
  tops.sort((a, b) => a.seq - b.seq);
  const more = tops.length > limit;
  const shown = more ? tops.slice(0, limit) : tops;
  const last = shown[shown.length - 1];
  let remaining = 0;
  if (more && last) {
    const [r] = await rowsOf(
      db,
      sql`select count(*)::int as n from comments
          where parent_id = ${parent.id} and status in ${TREE_VISIBLE} and seq > ${last.seq}`,
    );
    remaining = Number(r?.n ?? 0);
  }
  return {
    comments: buildForest(shown, descendants, slug, maxDepth),
    nextSeq: more && last ? last.seq : null,
    remaining,
  };
}

/** One comment by id with its author's name, whatever its status; null when unknown. */
export async function findCommentRow(
  db: Executor,
  id: string,
  /** onPublishedArticle: only a comment of an article readers can see (published, not scheduled) */
  opts: { forUpdate?: boolean; onPublishedArticle?: boolean } = {},
): Promise<CommentRow | null> {
  const published = opts.onPublishedArticle
    ? sql`and exists (select 1 from articles a where a.id = c.article_id and a.status = 'published'
            and a.published_at <= now())`
    : sql``;
  const [r] = await rowsOf(
    db,
    sql`select ${COMMENT_COLS}, ${authorCols("c")} from comments c left join users u on u.id = c.author_id
        where c.id = ${id} ${published} ${opts.forUpdate ? sql`for update of c` : sql``}`,
  );
  return r ? mapRow(r) : null;
}

/** The ancestors of a comment, root first. */
export async function loadAncestors(db: Executor, c: CommentRow): Promise<CommentRow[]> {
  const seqs = pathSeqs(c.path).slice(0, -1);
  if (seqs.length === 0) return [];
  const rows = await rowsOf(
    db,
    sql`select ${COMMENT_COLS}, ${authorCols("c")} from comments c left join users u on u.id = c.author_id
        where c.seq in ${seqs} and c.root_id = ${c.rootId}`,
  );
  return rows.map(mapRow).sort((a, b) => a.depth - b.depth);
}

/** A comment with its first replies, nested `THREADS.visibleDepth` levels below it. */
export async function loadSubtree(db: Executor, c: CommentRow, slug: string): Promise<PublicComment> {
  const maxDepth = c.depth + THREADS.visibleDepth;
  const rows = await rowsOf(
    db,
    sql`with tops as (select ${c.rootId}::uuid as root_id, ${c.path}::text as path) ${subtrees("tops", maxDepth, THREADS.perThreadBudget * 2)}`,
  );
  const { descendants } = split(rows);
  return buildForest([c], descendants, slug, maxDepth)[0];
}
