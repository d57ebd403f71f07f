// Feeds, sitemaps and the tag/author/reader/follow-up reads, in Next's data cache and tagged with the
// same tags as the data they show: article lists for the article feeds and sitemaps, the article's tag for
// its comment feed and follow-up block, the reader's tag (and articles-any) for a profile.
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { cacheTags } from "@/lib/cache";
import { readFollowUp } from "@/lib/followup";
import { findReaderProfile } from "@/lib/profiles/profile";
import { articlesFeed, commentsFeed, type FeedFormat } from "./feeds";
import {
  type ArticleFilter,
  countPublishedArticles,
  findAuthorBySlug,
  latestApprovedComments,
  listPublishedArticles,
  publicTagsAndAuthors,
  sitemapArticles,
  topApprovedComments,
} from "./queries";

export const SITEMAP_MAX_URLS = 50_000;
const FEED_ITEMS = 30;

export const TAG_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,59}$/u;
export const AUTHOR_SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_RE = AUTHOR_SLUG_RE;

/** Articles feeds: all (`filter` empty), one tag's, one author's; null when the author is unknown. */
export function getArticlesFeed(format: FeedFormat, filter: ArticleFilter): Promise<string | null> {
  return unstable_cache(
    async () => {
      const db = await getDb();
      if (filter.authorSlug) {
        const author = await findAuthorBySlug(db, filter.authorSlug);
        if (!author) return null;
        const list = await listPublishedArticles(db, filter, FEED_ITEMS);
        const path = `/authors/${author.slug}`;
        return articlesFeed(format, {
          title: `${author.name} · Agora`,
          description: `The latest articles by ${author.name}.`,
          path,
          feedPath: path,
          articles: list,
        });
      }
      if (filter.tag) {
        const list = await listPublishedArticles(db, filter, FEED_ITEMS);
        const path = `/tags/${encodeURIComponent(filter.tag)}`;
        return articlesFeed(format, {
          title: `${filter.tag} · Agora`,
          description: `The latest articles tagged “${filter.tag}”.`,
          path,
          feedPath: path,
          articles: list,
        });
      }
      const list = await listPublishedArticles(db, {}, FEED_ITEMS);
      return articlesFeed(format, {
        title: "Agora",
        description: "News, and a discussion worth having.",
        path: "/",
        feedPath: "",
        articles: list,
      });
    },
    ["feed", format, filter.tag ?? "", filter.authorSlug ?? ""],
    { tags: [cacheTags.articleLists], revalidate: 3600 },
  )();
}

/** The latest approved comments of one article (null when the article is not public). */
export function getCommentsFeed(slug: string, format: FeedFormat): Promise<string | null> {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const found = await latestApprovedComments(db, slug, FEED_ITEMS);
      if (!found) return null;
      const f = await readFollowUp(db, found.article.id);
      return commentsFeed(format, {
        article: found.article,
        comments: found.comments,
        followUp:
          f?.publishedAt != null
            ? {
                text: f.text,
                publishedAt: new Date(f.publishedAt),
                quotes: f.quotes.map((q) => ({
                  id: q.id,
                  authorName: q.authorName,
                  excerpt: q.excerpt,
                  url: q.url,
                })),
              }
            : null,
      });
    },
    ["comments-feed", slug, format],
    { tags: [cacheTags.article(slug)], revalidate: 3600 },
  )();
}

/** An article's follow-up block and top approved comments (for the page and its JSON-LD). */
export function getArticleDiscussion(articleId: string, slug: string) {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const [followUp, top] = await Promise.all([
        readFollowUp(db, articleId),
        topApprovedComments(db, articleId, 10),
      ]);
      return {
        followUp,
        top: top.map((c) => ({
          ...c,
          createdAt: c.createdAt.toISOString(),
          editedAt: c.editedAt?.toISOString() ?? null,
        })),
      };
    },
    ["article-discussion", slug],
    { tags: [cacheTags.article(slug)], revalidate: 3600 },
  )();
}

export function getTagArticles(tag: string) {
  return unstable_cache(
    async () => listPublishedArticles(await getDb(), { tag }, 100),
    ["tag-articles", tag],
    { tags: [cacheTags.articleLists], revalidate: 3600 },
  )();
}

export function getAuthorPage(slug: string) {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const author = await findAuthorBySlug(db, slug);
      if (!author) return null;
      return { author, articles: await listPublishedArticles(db, { authorSlug: slug }, 100) };
    },
    ["author-page", slug],
    { tags: [cacheTags.articleLists], revalidate: 3600 },
  )();
}

export function getReaderProfile(handle: string, page: number) {
  return unstable_cache(
    async () => findReaderProfile(await getDb(), handle, page),
    ["reader-profile", handle, String(page)],
    { tags: [cacheTags.reader(handle), cacheTags.anyArticle], revalidate: 3600 },
  )();
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

/** How many sitemap files there are (1 = a plain <urlset>; more = a <sitemapindex>). */
export const getSitemapInfo = unstable_cache(
  async () => {
    const db = await getDb();
    const [n, extra] = await Promise.all([countPublishedArticles(db), publicTagsAndAuthors(db)]);
    const total = n + extra.tags.length + extra.authors.length + 1;
    return { total, files: Math.max(1, Math.ceil(total / SITEMAP_MAX_URLS)) };
  },
  ["sitemap-info"],
  { tags: [cacheTags.articleLists], revalidate: 3600 },
);

/** File `page` (0-based) of the sitemap: the home page, tags and authors first, then articles. */
export function getSitemapPage(page: number): Promise<SitemapEntry[]> {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const extra = await publicTagsAndAuthors(db);
      const head: SitemapEntry[] = [
        { loc: "/" },
        ...extra.tags.map((t) => ({ loc: `/tags/${encodeURIComponent(t)}` })),
        ...extra.authors.map((a) => ({ loc: `/authors/${a}` })),
      ];
      const start = page * SITEMAP_MAX_URLS;
      const fromHead = head.slice(start, start + SITEMAP_MAX_URLS);
      const articleStart = Math.max(0, start - head.length);
      const articleCount = SITEMAP_MAX_URLS - fromHead.length;
      const rows = articleCount ? await sitemapArticles(db, articleStart, articleCount) : [];
      return [
        ...fromHead,
        ...rows.map((r) => ({ loc: `/articles/${r.slug}`, lastmod: r.updatedAt.toISOString() })),
      ];
    },
    ["sitemap-page", String(page)],
    { tags: [cacheTags.articleLists], revalidate: 3600 },
  )();
}
