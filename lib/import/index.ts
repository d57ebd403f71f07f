// Importing comments from Disqus and WordPress (docs/decisions/120-import.md).
//
// Two streaming passes over the file. The first only reads: it proves the file is complete, well-formed
// and of the format asked for, and learns the threads and each post's parent (ids only: a few MB for
// 100,000 posts). Nothing is written unless it passes, so a truncated or wrong file imports nothing.
// The second pass writes in batches, each batch in one transaction (its accounts, comments and the
// import ledger rows together). Every record imported is in `imported_items`, keyed by the source, the
// exporting site and its own id: importing the same file again adds nothing, a newer export adds only
// what is new (and moves a post whose status changed), and an import that fails midway (the database
// went away) is resumed by running it again.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, comments, externalThreads, importedItems } from "@/db/schema";
import { sanitizeCommentHtml } from "@/lib/comments/render";
import { SEGMENT, segment } from "@/lib/comments/tree";
import type { CommentStatus } from "@/lib/comments/types";
import { rowsOf } from "@/lib/db";
import {
  disqus,
  type FormatSpec,
  htmlToText,
  type ImportFormat,
  type PostIn,
  type ThreadIn,
  wordpress,
} from "./formats";
import { ImportFileError, readRecords } from "./xml";

export type { ImportFormat } from "./formats";
export { ImportFileError } from "./xml";

export type ImportKind = "categories" | "threads" | "posts" | "users";
export interface KindReport {
  imported: number;
  updated: number;
  skipped: Record<string, number>;
}
export type ImportReport = Record<ImportKind, KindReport>;

export interface ImportProgress {
  phase: "checking" | "importing" | "done";
  bytesRead: number;
  totalBytes: number;
  /** posts seen by the check pass (the total of the second) and handled so far */
  postsTotal: number;
  postsDone: number;
  report: ImportReport;
}

export interface ImportOptions {
  format: ImportFormat;
  file: string;
  /** the site's public base URL: a thread linking to {base}/articles/{slug} attaches to that article */
  publicBase?: string | null;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

export interface ImportResult {
  report: ImportReport;
  /** slugs of the articles and external threads that received comments (their caches to refresh) */
  slugs: string[];
}

/** Files above this are refused before reading (AGORA_IMPORT_MAX_BYTES raises it). */
export const MAX_IMPORT_BYTES = Number(process.env.AGORA_IMPORT_MAX_BYTES || 1024 ** 3);

const emptyReport = (): ImportReport => ({
  categories: { imported: 0, updated: 0, skipped: {} },
  threads: { imported: 0, updated: 0, skipped: {} },
  posts: { imported: 0, updated: 0, skipped: {} },
  users: { imported: 0, updated: 0, skipped: {} },
});

function skip(r: KindReport, reason: string, n = 1): void {
  r.skipped[reason] = (r.skipped[reason] ?? 0) + n;
}

const specFor = (format: ImportFormat): FormatSpec => (format === "disqus" ? disqus() : wordpress());

/** The first pass: checks the whole file and learns its threads and the posts' parents. */
async function survey(
  opts: ImportOptions,
  totalBytes: number,
  progress: (p: Partial<ImportProgress>) => Promise<void>,
) {
  const spec = specFor(opts.format);
  let scope = "";
  const threads = new Map<string, ThreadIn>();
  const categories = new Map<string, string>();
  const parents = new Map<string, string | null>();
  let posts = 0;
  await readRecords(opts.file, {
    ...spec,
    onRecord: (r) => {
      for (const p of spec.parse(r)) {
        if (p.kind === "scope") scope ||= p.scope;
        else if (p.kind === "category") categories.set(p.key, p.title);
        else if (p.kind === "thread") threads.set(p.thread.key, p.thread);
        else if (p.kind === "post") {
          posts++;
          parents.set(p.post.key, p.post.parentKey);
        }
      }
    },
    onChunk: (bytesRead) => progress({ phase: "checking", bytesRead, totalBytes }),
  });
  if (threads.size === 0 && posts === 0)
    throw new ImportFileError(
      `${opts.file.split("/").pop()}: a ${opts.format === "disqus" ? "Disqus" : "WordPress"} export with no ${
        opts.format === "disqus" ? "<thread> or <post>" : "<item> with <wp:comment>"
      } elements: nothing to import`,
    );
  return { scope: scope || opts.format, threads, categories, parents, posts };
}

interface Placed {
  id: string;
  seq: number;
  path: string;
  rootId: string;
  depth: number;
  articleId: string;
}

/** Imports one export file. Throws ImportFileError (nothing written) for a file that is not right. */
export async function importFile(db: Db, opts: ImportOptions): Promise<ImportResult> {
  const stat = fs.statSync(opts.file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ImportFileError(`${opts.file}: no such file`);
  if (stat.size > MAX_IMPORT_BYTES)
    throw new ImportFileError(
      `${opts.file.split("/").pop()}: ${(stat.size / 1024 ** 3).toFixed(1)} GB is more than the ${(MAX_IMPORT_BYTES / 1024 ** 3).toFixed(1)} GB an import takes (AGORA_IMPORT_MAX_BYTES); split the export by date range`,
    );
  const report = emptyReport();
  const state: ImportProgress = {
    phase: "checking",
    bytesRead: 0,
    totalBytes: stat.size,
    postsTotal: 0,
    postsDone: 0,
    report,
  };
  const progress = async (p: Partial<ImportProgress>) => {
    Object.assign(state, p);
    await opts.onProgress?.(state);
  };
  const batchSize = opts.batchSize ?? 5000;
  const source = opts.format;

  // ---- pass 1: check the whole file, learn threads and parents
  const s = await survey(opts, stat.size, progress);
  state.postsTotal = s.posts;
  const scope = s.scope;
  const ledger = (kind: "category" | "thread" | "post" | "user") =>
    and(eq(importedItems.source, source), eq(importedItems.scope, scope), eq(importedItems.kind, kind));

  // categories: recorded in the ledger (Agora has no categories; they are kept for the report and export)
  const knownCats = new Set(
    (await db.select({ k: importedItems.externalId }).from(importedItems).where(ledger("category"))).map(
      (r) => r.k,
    ),
  );
  const newCats = [...s.categories].filter(([k]) => k && !knownCats.has(k));
  if (newCats.length)
    await db
      .insert(importedItems)
      .values(
        newCats.map(([k, title]) => ({
          source,
          scope,
          kind: "category" as const,
          externalId: k,
          localId: title || k,
        })),
      )
      .onConflictDoNothing();
  report.categories.imported = newCats.length;
  if (s.categories.size - newCats.length)
    skip(report.categories, "already imported", s.categories.size - newCats.length);

  // ---- threads: attach to an article or become external threads (one transaction)
  const threadArticle = new Map<string, { id: string; slug: string }>();
  await db.transaction(async (tx) => {
    const known = new Map(
      (
        await tx
          .select({ k: importedItems.externalId, v: importedItems.localId })
          .from(importedItems)
          .where(ledger("thread"))
      ).map((r) => [r.k, r.v]),
    );
    const knownIds = [...new Set(known.values())];
    const slugs = new Map<string, string>();
    for (let i = 0; i < knownIds.length; i += 1000) {
      const part = knownIds.slice(i, i + 1000);
      for (const a of await tx
        .select({ id: articles.id, slug: articles.slug })
        .from(articles)
        .where(inArray(articles.id, part)))
        slugs.set(a.id, a.slug);
    }
    for (const t of s.threads.values()) {
      const local = known.get(t.key);
      if (local && slugs.has(local)) {
        threadArticle.set(t.key, { id: local, slug: slugs.get(local)! });
        skip(report.threads, "already imported");
        continue;
      }
      const target = await threadTarget(tx, t, opts.publicBase ?? null);
      if (!target) {
        skip(report.threads, "no usable link");
        continue;
      }
      threadArticle.set(t.key, target);
      await tx
        .insert(importedItems)
        .values({ source, scope, kind: "thread", externalId: t.key, localId: target.id })
        .onConflictDoUpdate({
          target: [importedItems.source, importedItems.scope, importedItems.kind, importedItems.externalId],
          set: { localId: target.id },
        });
      report.threads.imported++;
    }
  });

  // ---- pass 2: the posts, in batches
  const knownPosts = new Map<string, string>();
  for (const r of await db
    .select({ k: importedItems.externalId, v: importedItems.localId })
    .from(importedItems)
    .where(ledger("post")))
    knownPosts.set(r.k, r.v);
  const knownUsers = new Map<string, string>();
  for (const r of await db
    .select({ k: importedItems.externalId, v: importedItems.localId })
    .from(importedItems)
    .where(ledger("user")))
    knownUsers.set(r.k, r.v);

  const placed = new Map<string, Placed>(); // posts of this file now in the database (this run or before)
  const failed = new Set<string>(); // posts skipped: their replies are orphans too
  const touched = new Set<string>(); // articles that received comments (caches to refresh)
  const recountIds = new Set<string>(); // articles where a stored comment changed status
  const pendingChildren = new Map<string, PostIn[]>(); // waiting for a parent later in the file
  let batch: PostIn[] = [];
  let batchKeys = new Set<string>();
  let updates: { id: string; status: CommentStatus }[] = [];

  const flush = async () => {
    if (batch.length === 0 && updates.length === 0) return;
    const b = batch;
    const u = updates;
    batch = [];
    batchKeys = new Set();
    updates = [];
    await writeBatch(db, {
      source,
      scope,
      batch: b,
      updates: u,
      threadArticle,
      placed,
      knownUsers,
      knownPosts,
      report,
      touched,
      recountIds,
    });
    state.postsDone += b.length + u.length;
  };

  // accounts made by an earlier import whose address hash is not known yet (made before the hash was
  // kept, or from an export without addresses): filled in at the end, so that the person can claim them
  const hashes = new Map<string, string>();
  const accept = async (p: PostIn): Promise<void> => {
    if (p.author?.emailHash && hashes.size < 100_000) {
      const known = knownUsers.get(p.author.key);
      if (known && !hashes.has(known)) hashes.set(known, p.author.emailHash);
    }
    const existing = knownPosts.get(p.key);
    if (existing) {
      updates.push({ id: existing, status: p.status });
      if (updates.length >= batchSize) await flush();
      return;
    }
    if (!threadArticle.has(p.threadKey)) {
      skip(report.posts, "unknown thread");
      failed.add(p.key);
      return;
    }
    if (!htmlToText(p.html) && p.status !== "deleted") {
      skip(report.posts, "empty body");
      failed.add(p.key);
      return;
    }
    if (p.parentKey) {
      if (failed.has(p.parentKey) || (!s.parents.has(p.parentKey) && !knownPosts.has(p.parentKey))) {
        skip(report.posts, "orphan parent");
        failed.add(p.key);
        return;
      }
      if (!placed.has(p.parentKey) && !batchKeys.has(p.parentKey) && !knownPosts.has(p.parentKey)) {
        // the parent comes later in the file: wait for it
        const list = pendingChildren.get(p.parentKey) ?? [];
        list.push(p);
        pendingChildren.set(p.parentKey, list);
        return;
      }
    }
    batch.push(p);
    batchKeys.add(p.key);
    const waiting = pendingChildren.get(p.key);
    if (waiting) {
      pendingChildren.delete(p.key);
      for (const c of waiting) await accept(c);
    }
    if (batch.length >= batchSize) await flush();
  };

  const spec = specFor(opts.format);
  const queue: PostIn[] = [];
  await readRecords(opts.file, {
    ...spec,
    onRecord: (r) => {
      for (const p of spec.parse(r)) {
        if (p.kind === "post") queue.push(p.post);
        else if (p.kind === "skip") skip(report[p.what], p.reason);
      }
    },
    onChunk: async (bytesRead) => {
      for (const p of queue.splice(0)) await accept(p);
      await progress({ phase: "importing", bytesRead });
    },
  });
  for (const p of queue.splice(0)) await accept(p);
  await flush();
  if (hashes.size) await fillEmailHashes(db, hashes);
  for (const list of pendingChildren.values()) skip(report.posts, "orphan parent", list.length);

  // counters of every article that changed, recomputed from the rows
  const touchedIds = [...touched];
  if (recountIds.size) await recount(db, [...recountIds]);
  const slugs = touchedIds.length
    ? (await db.select({ slug: articles.slug }).from(articles).where(inArray(articles.id, touchedIds))).map(
        (r) => r.slug,
      )
    : [];
  await progress({ phase: "done", bytesRead: stat.size });
  return { report, slugs };
}

/** Sets the address hash of imported accounts that have none (never one that has, never a claimed one). */
async function fillEmailHashes(db: Db, hashes: Map<string, string>): Promise<void> {
  const rows = [...hashes].map(([id, h]) => ({ id, h }));
  for (let i = 0; i < rows.length; i += 5000)
    await rowsOf(
      db,
      sql`update imported_accounts a set email_hash = x.h
          from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb) as x(id text, h text)
          where a.user_id = x.id and a.email_hash is null and a.claimed_at is null`,
    );
}

/** The article a thread's comments go to: a native one its link names, or its external thread. */
async function threadTarget(
  db: Db,
  t: ThreadIn,
  publicBase: string | null,
): Promise<{ id: string; slug: string } | null> {
  let url: URL | null = null;
  try {
    url = new URL(t.link);
  } catch {}
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  const m = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(url.pathname);
  let base: string | null = null;
  try {
    base = publicBase ? new URL(publicBase).origin : null;
  } catch {}
  if (m && (!base || base === url.origin)) {
    const [a] = await db
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.slug, m[1]), eq(articles.kind, "article")))
      .limit(1);
    if (a) return a;
  }
  return ensureExternalThread(db, {
    origin: url.origin,
    identifier: t.identifier || t.link,
    url: t.link,
    title: t.title || t.link,
    createdAt: t.createdAt,
  });
}

export interface ExternalThreadInput {
  origin: string;
  identifier: string;
  url: string | null;
  title: string;
  createdAt?: Date | null;
}

/** The article row behind an external thread: made on first use, found after (keyed by origin + id). */
export async function ensureExternalThread(
  db: Db,
  t: ExternalThreadInput,
): Promise<{ id: string; slug: string }> {
  const [found] = await db
    .select({ id: articles.id, slug: articles.slug })
    .from(externalThreads)
    .innerJoin(articles, eq(articles.id, externalThreads.articleId))
    .where(and(eq(externalThreads.origin, t.origin), eq(externalThreads.identifier, t.identifier)))
    .limit(1);
  if (found) return found;
  const authorId = await publisherAuthor(db);
  const slug = externalSlug(t.origin, t.identifier);
  const when = t.createdAt ?? new Date();
  // one statement: the article row (or the one an earlier half-made attempt left) and its key
  const [row] = await rowsOf(
    db,
    sql`with a as (
          insert into articles (slug, title, body, author_id, status, published_at, created_at, kind)
          values (${slug}, ${t.title.slice(0, 300) || t.identifier}, '', ${authorId}::uuid, 'published',
            ${when.toISOString()}::timestamptz, ${when.toISOString()}::timestamptz, 'external')
          on conflict (slug) do update set slug = excluded.slug
          returning id, slug
        ),
        e as (
          insert into external_threads (origin, identifier, article_id, url)
          select ${t.origin}, ${t.identifier}, a.id, ${t.url} from a
          on conflict do nothing
        )
        select id, slug from a`,
  );
  return { id: String(row.id), slug: String(row.slug) };
}

/** A stable slug for (origin, identifier): the same on every instance and in every import. */
export function externalSlug(origin: string, identifier: string): string {
  return `ext-${createHash("sha256").update(`${origin}\n${identifier}`).digest("hex").slice(0, 24)}`;
}

// the author row external threads hang on, found once per connection object (it is never deleted)
const publisherAuthors = new WeakMap<object, string>();

async function publisherAuthor(db: Db): Promise<string> {
  let id = publisherAuthors.get(db);
  if (!id) {
    id = await findOrMakePublisherAuthor(db);
    publisherAuthors.set(db, id);
  }
  return id;
}

async function findOrMakePublisherAuthor(db: Db): Promise<string> {
  const slug = "external-pages";
  const [a] = await db
    .insert(authors)
    .values({ slug, name: "Publisher" })
    .onConflictDoNothing({ target: authors.slug })
    .returning({ id: authors.id });
  if (a) return a.id;
  const [b] = await db.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug)).limit(1);
  return b.id;
}

interface BatchContext {
  source: ImportFormat;
  scope: string;
  batch: PostIn[];
  updates: { id: string; status: CommentStatus }[];
  threadArticle: Map<string, { id: string; slug: string }>;
  placed: Map<string, Placed>;
  knownUsers: Map<string, string>;
  knownPosts: Map<string, string>;
  report: ImportReport;
  touched: Set<string>;
  recountIds: Set<string>;
}

/**
 * The counters the new comments move (the rules of lib/comments/write): each approved or deleted
 * comment adds a reply to its parent and a descendant to every ancestor (ancestors are the seqs in its
 * path, earlier imports' included); each approved one adds to its article's comment count.
 */
async function moveCounters(db: Db, rows: Record<string, unknown>[]): Promise<void> {
  const bySeq = new Map<number, { seq: number; r: number; d: number }>();
  const byArticle = new Map<string, number>();
  for (const row of rows) {
    if (row.status !== "approved" && row.status !== "deleted") continue;
    const seqs = String(row.path).split(".").map(Number);
    seqs.pop();
    seqs.forEach((seq, i) => {
      let e = bySeq.get(seq);
      if (!e) bySeq.set(seq, (e = { seq, r: 0, d: 0 }));
      e.d++;
      if (i === seqs.length - 1) e.r++;
    });
    if (row.status === "approved")
      byArticle.set(String(row.article_id), (byArticle.get(String(row.article_id)) ?? 0) + 1);
  }
  if (bySeq.size)
    await rowsOf(
      db,
      sql`update comments c set reply_count = c.reply_count + x.r, descendant_count = c.descendant_count + x.d
          from jsonb_to_recordset(${JSON.stringify([...bySeq.values()])}::jsonb) as x(seq bigint, r int, d int)
          where c.seq = x.seq`,
    );
  if (byArticle.size)
    await rowsOf(
      db,
      sql`update articles a set comment_count = a.comment_count + x.n
          from jsonb_to_recordset(${JSON.stringify([...byArticle].map(([id, n]) => ({ id, n })))}::jsonb) as x(id uuid, n int)
          where a.id = x.id`,
    );
}

const COMMENT_COLUMNS =
  "id uuid, seq bigint, article_id uuid, parent_id uuid, root_id uuid, depth smallint, path text, author_id text, body text, body_html text, status text, status_reason text, decided_by text, created_at timestamptz, deleted_at timestamptz";

/**
 * Many rows in one statement with one parameter: a JSON array read by jsonb_to_recordset. Building a
 * 2,000-row multi-VALUES insert through the query builder cost more CPU than PostgreSQL spent storing it.
 */
async function insertRows(
  db: Db,
  table: string,
  columns: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  const names = columns
    .split(",")
    .map((c) => c.trim().split(" ")[0])
    .join(", ");
  await rowsOf(
    db,
    sql`insert into ${sql.identifier(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${sql.raw(columns)})`,
  );
}

function insertLedger(db: Db, rows: Record<string, string>[]): Promise<void> {
  return insertRows(
    db,
    "imported_items",
    "source text, scope text, kind text, external_id text, local_id text",
    rows,
  );
}

/** One transaction: the batch's new accounts, its comments (tree placed), the ledger rows, status moves. */
async function writeBatch(db: Db, c: BatchContext): Promise<void> {
  const { source, scope, batch, report } = c;
  const newUsers = new Map<string, { id: string; name: string; emailHash: string | null }>();
  for (const p of batch)
    if (p.author && !c.knownUsers.has(p.author.key) && !newUsers.has(p.author.key))
      newUsers.set(p.author.key, {
        id: randomUUID(),
        name: p.author.name.slice(0, 100),
        emailHash: p.author.emailHash,
      });
  const placedNow = new Map<string, Placed>();
  let counted = { posts: 0, updated: 0, same: 0 };

  await db.transaction(async (tx) => {
    const t = tx;
    if (newUsers.size) {
      // imported accounts: a name and nothing to sign in with (no e-mail, no password) until claimed
      await insertRows(t, "users", "id text, name text", [...newUsers.values()]);
      // what lets the person claim the account later (lib/import/claims.ts)
      await insertRows(
        t,
        "imported_accounts",
        "user_id text, source text, scope text, email_hash text",
        [...newUsers.values()].map((u) => ({ user_id: u.id, source, scope, email_hash: u.emailHash })),
      );
      await insertLedger(
        t,
        [...newUsers].map(([k, u]) => ({ source, scope, kind: "user", external_id: k, local_id: u.id })),
      );
    }
    // parents imported by an earlier run: their place in the tree
    const need = [
      ...new Set(
        batch
          .filter((p) => p.parentKey && !c.placed.has(p.parentKey) && c.knownPosts.has(p.parentKey))
          .map((p) => c.knownPosts.get(p.parentKey!)!),
      ),
    ];
    const earlier = new Map<string, Placed>();
    if (need.length) {
      const rows = await t
        .select({
          id: comments.id,
          seq: comments.seq,
          path: comments.path,
          rootId: comments.rootId,
          depth: comments.depth,
          articleId: comments.articleId,
        })
        .from(comments)
        .where(inArray(comments.id, need));
      for (const r of rows) earlier.set(r.id, { ...r, rootId: r.rootId ?? r.id });
    }
    if (batch.length) {
      const seqs = (
        await rowsOf(
          t,
          sql`select nextval(pg_get_serial_sequence('comments', 'seq'))::bigint as seq from generate_series(1, ${batch.length}::int)`,
        )
      ).map((r) => Number(r.seq));
      const values: Record<string, unknown>[] = [];
      batch.forEach((p, i) => {
        const article = c.threadArticle.get(p.threadKey)!;
        const parent = p.parentKey
          ? (placedNow.get(p.parentKey) ??
            c.placed.get(p.parentKey) ??
            earlier.get(c.knownPosts.get(p.parentKey) ?? ""))
          : undefined;
        if (p.parentKey && !parent) {
          skip(report.posts, "orphan parent");
          return;
        }
        const id = randomUUID();
        const seq = seqs[i];
        const me: Placed = parent
          ? {
              id,
              seq,
              path: `${parent.path}.${segment(seq)}`,
              rootId: parent.rootId,
              depth: parent.depth + 1,
              articleId: parent.articleId,
            }
          : { id, seq, path: segment(seq), rootId: id, depth: 0, articleId: article.id };
        if (me.path.length > 200 * (SEGMENT + 1)) {
          skip(report.posts, "thread too deep");
          return;
        }
        placedNow.set(p.key, me);
        const html = sanitizeCommentHtml(p.html);
        const created = p.createdAt ?? new Date();
        values.push({
          id,
          seq,
          article_id: me.articleId,
          parent_id: parent?.id ?? null,
          root_id: me.rootId,
          depth: me.depth,
          path: me.path,
          author_id: p.author
            ? (c.knownUsers.get(p.author.key) ?? newUsers.get(p.author.key)?.id ?? null)
            : null,
          body: htmlToText(html) || htmlToText(p.html),
          body_html: html,
          status: p.status,
          status_reason: "imported",
          decided_by: `import:${source}`,
          created_at: created.toISOString(),
          deleted_at: p.status === "deleted" ? created.toISOString() : null,
        });
      });
      if (values.length) {
        await insertRows(t, "comments", COMMENT_COLUMNS, values);
        await moveCounters(t, values);
        await insertLedger(
          t,
          [...placedNow].map(([k, v]) => ({ source, scope, kind: "post", external_id: k, local_id: v.id })),
        );
      }
      counted.posts = values.length;
    }
    if (c.updates.length) {
      const ids = c.updates.map((u) => u.id);
      const current = new Map(
        (
          await t
            .select({ id: comments.id, status: comments.status, articleId: comments.articleId })
            .from(comments)
            .where(inArray(comments.id, ids))
        ).map((r) => [r.id, r]),
      );
      for (const u of c.updates) {
        const row = current.get(u.id);
        if (!row || row.status === u.status) {
          counted.same++;
          continue;
        }
        await t
          .update(comments)
          .set({
            status: u.status,
            statusReason: "imported",
            deletedAt: u.status === "deleted" ? new Date() : null,
          })
          .where(eq(comments.id, u.id));
        c.touched.add(row.articleId);
        c.recountIds.add(row.articleId);
        counted.updated++;
      }
    }
  });
  // only once the transaction committed
  for (const [k, v] of placedNow) {
    c.placed.set(k, v);
    c.touched.add(v.articleId);
  }
  for (const [k, u] of newUsers) c.knownUsers.set(k, u.id);
  report.users.imported += newUsers.size;
  report.posts.imported += counted.posts;
  report.posts.updated += counted.updated;
  if (counted.same) skip(report.posts, "already imported", counted.same);
  counted = { posts: 0, updated: 0, same: 0 };
}

/**
 * Reply counts, descendant counts and the article's comment count recomputed from the rows (the same
 * rules as lib/comments/write: approved and deleted comments hold the tree; approved ones are counted).
 */
export async function recount(db: Db, articleIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx;
    for (let i = 0; i < articleIds.length; i += 500) {
      const ids = articleIds.slice(i, i + 500);
      const list = sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      await rowsOf(
        t,
        sql`with visible as (
              select id, parent_id, path from comments
              where article_id in (${list}) and status in ('approved', 'deleted')
            ),
            replies as (select parent_id as id, count(*)::int as n from visible where parent_id is not null group by parent_id),
            desc_counts as (
              select a.seq::bigint as seq, count(*)::int as n
              from visible v, unnest((string_to_array(v.path, '.'))[1:greatest(array_length(string_to_array(v.path, '.'), 1) - 1, 0)]) as a(seq)
              group by a.seq
            ),
            counts as (
              select c.id, coalesce(r.n, 0) as rn, coalesce(d.n, 0) as dn
              from comments c
              left join replies r on r.id = c.id
              left join desc_counts d on d.seq = c.seq
              where c.article_id in (${list})
            )
            update comments c set reply_count = counts.rn, descendant_count = counts.dn
            from counts
            where counts.id = c.id and (c.reply_count <> counts.rn or c.descendant_count <> counts.dn)`,
      );
      await rowsOf(
        t,
        sql`update articles a set comment_count =
              (select count(*)::int from comments c where c.article_id = a.id and c.status = 'approved')
            where a.id in (${list})`,
      );
    }
  });
}

/** One line per kind: "posts: 5 imported, 0 updated, 1 skipped (1 orphan parent)". */
export function formatReport(r: ImportReport): string {
  return (Object.keys(r) as ImportKind[])
    .map((k) => {
      const s = r[k];
      const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0);
      const why = Object.entries(s.skipped)
        .map(([reason, n]) => `${n} ${reason}`)
        .join(", ");
      return `${k}: ${s.imported} imported, ${s.updated} updated, ${skipped} skipped${why ? ` (${why})` : ""}`;
    })
    .join("\n");
}
