// The article facts the comment code needs, looked up by slug (published articles only).
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles } from "@/db/schema";
import { cacheTags, tagChangedAt } from "@/lib/cache";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { shared } from "@/server/state.cjs";
import type { CommentSort } from "./types";

export interface CommentArticle {
  id: string;
  slug: string;
  commentsOpen: boolean;
  defaultSort: CommentSort;
  commentCount: number;
}

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function findCommentArticle(db: Db, slug: string): Promise<CommentArticle | null> {
  if (!SLUG_RE.test(slug) || slug.length > 200) return null;
  const [a] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      commentsOpen: articles.commentsOpen,
      defaultSort: articles.defaultSort,
      commentCount: articles.commentCount,
    })
    .from(articles)
    .where(
      and(eq(articles.slug, slug), eq(articles.status, "published"), sql`${articles.publishedAt} <= now()`),
    )
    .limit(1);
  return a ?? null;
}

const MAX_AGE_MS = 30_000;
const known = shared("commentArticles", () => new Map<string, { at: number; article: CommentArticle }>());

/**
 * The same, remembered for a while: good until the article's cache tag changes (any visible change,
 * here or on another instance) or 30 s pass. For writes' checks only; the moderation pipeline re-reads
 * the article (e.g. whether comments are closed) from the database anyway.
 */
export async function findCommentArticleCached(db: Db, slug: string): Promise<CommentArticle | null> {
  const hit = known.get(slug);
  const now = Date.now();
  if (hit && now - hit.at < MAX_AGE_MS && hit.at > tagChangedAt(cacheTags.article(slug))) return hit.article;
  const article = await findCommentArticle(db, slug);
  if (article) {
    if (known.size > 5000) known.clear();
    known.set(slug, { at: now, article });
  }
  return article;
}

export async function requireCommentArticle(db: Db, slug: string): Promise<CommentArticle> {
  const a = await findCommentArticleCached(db, slug);
  if (!a) throw new NotFound(msg("Api.comments.noPublishedArticle", { slug }));
  return a;
}

export async function articleSlugOf(db: Db, articleId: string): Promise<string | null> {
  const [a] = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  return a?.slug ?? null;
}
