// Site search: PostgreSQL full-text search over published articles and approved comments (the generated
// `search` tsvector columns with GIN indexes, websearch_to_tsquery, ts_rank_cd, ts_headline snippets).
// Accent-insensitive through agora_unaccent where the database has unaccent (decision 090). Results are
// kept in memory per query until something shown on any article page changes (the articles-any tag,
// which every article invalidation fires, here or on another instance through NOTIFY).
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import { cacheTags, tagChangedAt } from "@/lib/cache";
import { rowsOf } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { hashValue } from "@/lib/http/client";
import { msg } from "@/lib/i18n/text";
import { consume } from "@/lib/rate-limit";
import { shared } from "@/server/state.cjs";

export const SEARCH_MAX_CHARS = 200;
export const SEARCH_MIN_CHARS = 2;
export const SEARCH_PAGE_SIZE = 20;
/** comments are ranked among the newest this many matches; pages stop there */
const CANDIDATES = 1000;
const MAX_OFFSET = CANDIDATES - SEARCH_PAGE_SIZE;

export type SearchType = "articles" | "comments";

/** What the API and the page accept. `q` is checked separately (too short is a hint, too long a 422). */
export const searchQuerySchema = z.object({
  q: z.string().default(""),
  type: z.enum(["articles", "comments"], { error: "type: must be articles or comments." }).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,4}$/, "cursor: must be a cursor from a previous page.")
    .optional(),
});

export type QueryCheck = { ok: true; q: string } | { ok: false; reason: "short" };

/** Normalises a query (control characters out, spaces squeezed); too long is an Invalid error. */
export function checkQuery(raw: string): QueryCheck {
  const q = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if ([...q].length > SEARCH_MAX_CHARS)
    throw new Invalid(
      "q",
      msg("Api.search.qAtMostCharacters", { max: SEARCH_MAX_CHARS, length: [...q].length }),
    );
  if ([...q].length < SEARCH_MIN_CHARS) return { ok: false, reason: "short" };
  return { ok: true, q };
}

export interface SearchHit {
  type: "article" | "comment";
  id: string;
  url: string;
  title: string;
  /** HTML: the text escaped, matches in <mark> */
  snippet: string;
  rank: number;
  date: string;
  article: { slug: string; title: string };
  author: { name: string; handle: string | null } | null;
}

export interface SearchResult {
  query: string;
  type: SearchType | null;
  results: SearchHit[];
  nextCursor: string | null;
}

// ts_headline marks matches with these; the text is escaped afterwards and they become <mark>
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

function snippetHtml(raw: string): string {
  const esc = raw
    .replace(/[\r\n]+/g, " ")
    .replace(/[*_`>#]+/g, "")
    .replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return esc.replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

const tsQuery = (q: string): SQL => sql`websearch_to_tsquery('english', public.agora_unaccent(${q}))`;

async function searchArticles(db: Db, q: string, limit: number, offset: number) {
  const rows = await rowsOf(
    db,
    sql`select t.*, ts_headline('english', t.body, t.q, ${HEADLINE}) as snippet from (
      select a.id, a.slug, a.title, concat_ws(' ', a.description, a.body) as body, coalesce(a.published_at, a.created_at) as date, au.name as author_name,
             ts_rank_cd(a.search, x.q) as rank, x.q
      from articles a cross join (select ${tsQuery(q)} as q) x join authors au on au.id = a.author_id
      where a.search @@ x.q and a.status = 'published' and a.published_at <= now()
      order by rank desc, a.published_at desc, a.id limit ${limit} offset ${offset}
    ) t order by t.rank desc, t.date desc, t.id`,
  );
  return rows.map(
    (r): SearchHit => ({
      type: "article",
      id: String(r.id),
      url: `/articles/${r.slug}`,
      title: String(r.title),
      snippet: snippetHtml(String(r.snippet ?? "")),
      rank: Number(r.rank),
      date: new Date(String(r.date instanceof Date ? r.date.toISOString() : r.date)).toISOString(),
      article: { slug: String(r.slug), title: String(r.title) },
      author: { name: String(r.author_name), handle: null },
    }),
  );
}

async function searchComments(db: Db, q: string, limit: number, offset: number) {
  const rows = await rowsOf(db, commentSearchSql(q, limit, offset));
  return rows.map(mapComment);
}

/** The comment search statement (exported for the benchmark's EXPLAIN ANALYZE). */
export function commentSearchSql(q: string, limit: number, offset: number): SQL {
  // Ranked among the newest CANDIDATES matches: ranking every match of a word that is in a quarter of
  // 100,000 comments costs ~140 ms (reading each row's vector), the newest 1,000 ~8 ms (docs/performance.md).
  // the query is written inline (not in a CTE) and the candidates are chosen before the article join, so
  // that the planner sees how common the words are: a common word walks the newest comments backwards,
  // a rare one takes the GIN index. Comments of unpublished articles are dropped after the window.
  const tq = tsQuery(q);
  return sql`with m as (
      select c.id, c.seq, c.body, c.created_at, c.article_id, c.author_id, c.search
      from comments c
      where c.search @@ ${tq} and c.status = 'approved'
      order by c.seq desc limit ${CANDIDATES}
    ),
    t as (
      select m.id, m.seq, m.body, m.created_at, m.article_id, m.author_id, ts_rank_cd(m.search, ${tq}) as rank
      from m join articles va on va.id = m.article_id and va.status = 'published' and va.published_at <= now()
      order by rank desc, m.seq desc limit ${limit} offset ${offset}
    )
    select t.*, a.slug, a.title, u.name as author_name,
           case when u.profile_hidden or u.deleted_at is not null then null else u.handle end as author_handle,
           ts_headline('english', t.body, ${tq}, ${HEADLINE}) as snippet
    from t join articles a on a.id = t.article_id left join users u on u.id = t.author_id
    order by t.rank desc, t.seq desc`;
}

function mapComment(r: Record<string, unknown>): SearchHit {
  return {
    type: "comment",
    id: String(r.id),
    url: `/articles/${r.slug}/comments/${r.id}`,
    title: `Comment on “${r.title}”`,
    snippet: snippetHtml(String(r.snippet ?? "")),
    rank: Number(r.rank),
    date: new Date(
      String(r.created_at instanceof Date ? r.created_at.toISOString() : r.created_at),
    ).toISOString(),
    article: { slug: String(r.slug), title: String(r.title) },
    author:
      r.author_name == null
        ? null
        : { name: String(r.author_name), handle: (r.author_handle as string) ?? null },
  };
}

/** Runs a search on the database (no cache). Without a type: the best articles, then the best comments. */
export async function runSearch(
  db: Db,
  q: string,
  type: SearchType | null,
  cursor: string | null,
): Promise<SearchResult> {
  const offset = Math.min(Number(cursor ?? 0) || 0, MAX_OFFSET);
  if (type) {
    const fn = type === "articles" ? searchArticles : searchComments;
    const rows = await fn(db, q, SEARCH_PAGE_SIZE + 1, offset);
    const more = rows.length > SEARCH_PAGE_SIZE && offset + SEARCH_PAGE_SIZE <= MAX_OFFSET;
    return {
      query: q,
      type,
      results: rows.slice(0, SEARCH_PAGE_SIZE),
      nextCursor: more ? String(offset + SEARCH_PAGE_SIZE) : null,
    };
  }
  const [a, c] = await Promise.all([searchArticles(db, q, 5, 0), searchComments(db, q, SEARCH_PAGE_SIZE, 0)]);
  return { query: q, type: null, results: [...a, ...c], nextCursor: null };
}

interface Entry {
  startedAt: number;
  value: Promise<SearchResult>;
}
const MAX_ENTRIES = 2000;
const entries: Map<string, Entry> = shared("searchResults", () => new Map<string, Entry>());

function changedAt(): number {
  return Math.max(tagChangedAt(cacheTags.anyArticle), tagChangedAt(cacheTags.articleLists));
}

/**
 * The same, from memory while nothing searchable changed since the read started. A search that reaches
 * the database spends one point of the `search_ip` limit of `ip` (RateLimited when over it).
 */
export async function search(
  q: string,
  type: SearchType | null,
  cursor: string | null,
  ip?: string,
): Promise<SearchResult> {
  const key = `${type ?? ""}\u0000${cursor ?? ""}\u0000${q.toLowerCase()}`;
  const hit = entries.get(key);
  if (hit && hit.startedAt > changedAt()) {
    entries.delete(key);
    entries.set(key, hit);
    return hit.value;
  }
  // the entry is in place before anything is awaited: concurrent misses of one query share one read
  const entry: Entry = {
    startedAt: Date.now(),
    value: (ip ? consume("search_ip", hashValue("search-ip", ip)) : Promise.resolve())
      .then(() => getDb())
      .then((db) => runSearch(db, q, type, cursor)),
  };
  entries.set(key, entry);
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry.value;
}
