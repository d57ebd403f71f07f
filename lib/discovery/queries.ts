// Reads for feeds, sitemaps, tag and author pages: published articles only (status published and the
// publication time reached), approved comments only. Every list is bounded.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, comments, users } from "@/db/schema";

const visible = () => and(eq(articles.status, "published"), sql`${articles.publishedAt} <= now()`);

export interface ListedArticle {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  publishedAt: Date;
  updatedAt: Date;
  tags: string[];
  commentCount: number;
  author: { slug: string; name: string };
}

export interface ArticleFilter {
  tag?: string;
  authorSlug?: string;
}

/** The newest published articles, optionally of one tag or one author. */
export async function listPublishedArticles(db: Db, filter: ArticleFilter = {}, limit = 30) {
  const conds = [visible()];
  if (filter.tag) conds.push(sql`${articles.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
  if (filter.authorSlug) conds.push(eq(authors.slug, filter.authorSlug));
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      description: articles.description,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
      updatedAt: articles.updatedAt,
      tags: articles.tags,
      commentCount: articles.commentCount,
      authorSlug: authors.slug,
      authorName: authors.name,
    })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(...conds))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(Math.min(Math.max(limit, 1), 50_000));
  return rows.map(
    (r): ListedArticle => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      description: r.description,
      publishedAt: r.publishedAt ?? r.createdAt,
      updatedAt: r.updatedAt,
      tags: r.tags,
      commentCount: r.commentCount,
      author: { slug: r.authorSlug, name: r.authorName },
    }),
  );
}

/** Sitemap entries: published articles, newest first. */
export async function sitemapArticles(db: Db, offset: number, limit: number) {
  return db
    .select({ slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(visible())
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
}

export async function countPublishedArticles(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(visible());
  return Number(r?.n ?? 0);
}

/** Tags and authors that have at least one published article (for the sitemap). */
export async function publicTagsAndAuthors(db: Db) {
  const tagRows = await db
    .selectDistinct({ tag: sql<string>`jsonb_array_elements_text(${articles.tags})` })
    .from(articles)
    .where(visible());
  const authorRows = await db
    .selectDistinct({ slug: authors.slug })
    .from(authors)
    .innerJoin(articles, eq(articles.authorId, authors.id))
    .where(visible());
  return { tags: tagRows.map((r) => r.tag), authors: authorRows.map((r) => r.slug) };
}

export interface PublicAuthorPage {
  slug: string;
  name: string;
  job: string | null;
  hobbies: string[];
  introduction: string | null;
}

/** An author's public profile: never birthday, address or phone (they are not even stored). */
export async function findAuthorBySlug(db: Db, slug: string): Promise<PublicAuthorPage | null> {
  const [a] = await db
    .select({
      slug: authors.slug,
      name: authors.name,
      job: authors.job,
      hobbies: authors.hobbies,
      introduction: authors.introduction,
    })
    .from(authors)
    .where(eq(authors.slug, slug))
    .limit(1);
  return a ?? null;
}

export interface FeedComment {
  id: string;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  upvotes: number;
  authorName: string | null;
  authorHandle: string | null;
}

/** The latest approved comments of one published article (null when the article is not public). */
export async function latestApprovedComments(db: Db, slug: string, limit = 50) {
  const [a] = await db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(eq(articles.slug, slug), visible()))
    .limit(1);
  if (!a) return null;
  const rows = await commentRows(db, a.id, desc(comments.seq), limit);
  return { article: a, comments: rows };
}

/** The top approved comments by score (for JSON-LD), with the approved count. */
export async function topApprovedComments(db: Db, articleId: string, limit = 10) {
  return commentRows(db, articleId, sql`${comments.score} desc, ${comments.seq} asc`, limit);
}

async function commentRows(db: Db, articleId: string, order: ReturnType<typeof sql>, limit: number) {
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      upvotes: comments.upvotes,
      authorName: users.name,
      authorHandle: sql<
        string | null
      >`case when ${users.profileHidden} or ${users.deletedAt} is not null then null else ${users.handle} end`,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.articleId, articleId), eq(comments.status, "approved")))
    .orderBy(order)
    .limit(limit);
  return rows as FeedComment[];
}
