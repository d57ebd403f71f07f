// The shared, anonymous comment pages (the article page's first page and GET .../comments) served
// from memory. An entry is good while its article's cache tag has not changed since the entry's read
// *started* (lib/cache's tag clock, which other instances move through NOTIFY), so a write that lands
// during a read is never hidden. Concurrent misses share one database read. Nothing per reader is in
// here: own votes and own held comments come from GET .../comments/mine.
import "server-only";
import { getDb } from "@/db/client";
import { cacheTags, tagChangedAt } from "@/lib/cache";
import { shared } from "@/server/state.cjs";
import { findCommentArticle } from "./articles";
import { THREADS } from "./config";
import { parseRootCursor } from "./cursor";
import { attachVotedTags } from "./poll-tags";
import { loadRootPage } from "./queries";
import type { CommentPage, CommentSort } from "./types";

interface Entry {
  startedAt: number;
  value: Promise<CachedPage | null>;
  /** the JSON once the read has finished (for the synchronous fast path) */
  json?: string;
}

export interface CachedPage {
  page: CommentPage;
  /** the page as JSON, serialised once */
  json: string;
}

const MAX_ENTRIES = 2000;
const entries = shared("commentPages", () => new Map<string, Entry>());

/** Reads a page of threads from the database (no cache). Null when the article is not published. */
export async function readCommentPage(
  slug: string,
  sort: CommentSort | null,
  cursor: string | null,
  limit: number = THREADS.pageSize,
): Promise<CommentPage | null> {
  const db = await getDb();
  const article = await findCommentArticle(db, slug);
  if (!article) return null;
  const s = sort ?? article.defaultSort;
  const page = await loadRootPage(db, article, s, cursor ? parseRootCursor(cursor, s) : null, limit);
  // public "voted: <option>" tags, as of this read (poll votes do not invalidate the page; see poll-tags.ts)
  await attachVotedTags(db, slug, page.comments);
  return {
    article: {
      slug: article.slug,
      commentCount: article.commentCount,
      commentsOpen: article.commentsOpen,
      defaultSort: article.defaultSort,
    },
    sort: s,
    ...page,
  };
}

/** The same page from memory when nothing on the article changed since it was read. */
function keyOf(slug: string, sort: CommentSort | null, cursor: string | null, limit: number): string {
  return `${slug}\u0000${sort ?? ""}\u0000${cursor ?? ""}\u0000${limit}`;
}

/**
 * The page's JSON if it is in memory, read completely and still good; null otherwise. Synchronous, for
 * the HTTP fast lane (server/comment-pages.ts); misses go through Next and fill the cache.
 */
export function peekCommentPageJson(
  slug: string,
  sort: CommentSort | null,
  cursor: string | null,
  limit: number = THREADS.pageSize,
): string | null {
  const hit = entries.get(keyOf(slug, sort, cursor, limit));
  if (!hit?.json || hit.startedAt <= tagChangedAt(cacheTags.article(slug))) return null;
  return hit.json;
}

export function getCommentPage(
  slug: string,
  sort: CommentSort | null,
  cursor: string | null,
  limit: number = THREADS.pageSize,
): Promise<CachedPage | null> {
  const key = keyOf(slug, sort, cursor, limit);
  const changedAt = tagChangedAt(cacheTags.article(slug));
  const hit = entries.get(key);
  if (hit && hit.startedAt > changedAt) {
    entries.delete(key); // LRU: most recent last
    entries.set(key, hit);
    return hit.value;
  }
  const startedAt = Date.now();
  const value = readCommentPage(slug, sort, cursor, limit).then((page) =>
    page ? { page, json: JSON.stringify(page) } : null,
  );
  const entry: Entry = { startedAt, value };
  entries.set(key, entry);
  // failures and unknown articles are not kept
  value.then(
    (v) => {
      if (v) entry.json = v.json;
      else if (entries.get(key) === entry) entries.delete(key);
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
