// RSS 2.0 and Atom 1.0 documents, built with the `feed` package (escaping, dates and the W3C-valid
// structure are its job). Callers pass only public data: published articles, approved comments.
import { Feed, type Item } from "feed";
import type { FeedComment, ListedArticle } from "./queries";
import { absolute, plainText } from "./site";

export type FeedFormat = "rss" | "atom";

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

function render(feed: Feed, format: FeedFormat): string {
  return format === "rss" ? feed.rss2() : feed.atom1();
}

function newFeed(o: { title: string; description: string; path: string; feedPath: string; updated: Date }) {
  return new Feed({
    id: absolute(o.path),
    title: o.title,
    description: o.description,
    link: absolute(o.path),
    language: "en",
    updated: o.updated,
    generator: "Agora",
    copyright: `© ${o.updated.getUTCFullYear()} Agora`,
    feedLinks: { rss: absolute(`${o.feedPath}/feed.xml`), atom: absolute(`${o.feedPath}/atom.xml`) },
  });
}

/** Latest articles (all, one tag's, one author's). `path` is the page the feed belongs to. */
export function articlesFeed(
  format: FeedFormat,
  o: { title: string; description: string; path: string; feedPath: string; articles: ListedArticle[] },
): string {
  const updated = new Date(Math.max(0, ...o.articles.map((a) => a.updatedAt.getTime())));
  const feed = newFeed({ ...o, updated });
  for (const a of o.articles) {
    const link = absolute(`/articles/${a.slug}`);
    feed.addItem({
      title: a.title,
      id: link,
      guid: link,
      link,
      date: a.updatedAt,
      published: a.publishedAt,
      description: a.description ?? undefined,
      author: [{ name: a.author.name, link: absolute(`/authors/${a.author.slug}`) }],
      category: a.tags.map((t) => ({ name: t, term: t })),
    });
  }
  return render(feed, format);
}

export interface FollowUpForFeed {
  text: string;
  publishedAt: Date;
  quotes: { id: string; authorName: string | null; excerpt: string; url: string }[];
}

/** The latest approved comments of one article, with the editor's "What readers said" block on top. */
export function commentsFeed(
  format: FeedFormat,
  o: {
    article: { slug: string; title: string; updatedAt: Date };
    comments: FeedComment[];
    followUp: FollowUpForFeed | null;
  },
): string {
  const path = `/articles/${o.article.slug}`;
  const dates = [o.article.updatedAt, ...o.comments.map((c) => c.editedAt ?? c.createdAt)];
  if (o.followUp) dates.push(o.followUp.publishedAt);
  const updated = new Date(Math.max(...dates.map((d) => d.getTime())));
  const feed = newFeed({
    title: `Comments on “${o.article.title}”`,
    description: `The latest approved reader comments on “${o.article.title}”.`,
    path,
    feedPath: `${path}/comments`,
    updated,
  });
  if (o.followUp) {
    const link = absolute(`${path}#what-readers-said`);
    const quotes = o.followUp.quotes
      .map(
        (q) =>
          `<blockquote><p>${escapeHtml(q.excerpt)}</p><footer>— <a href="${escapeHtml(absolute(q.url))}">${escapeHtml(q.authorName ?? "A reader")}</a></footer></blockquote>`,
      )
      .join("");
    feed.addItem({
      title: "What readers said",
      id: `${absolute(path)}#what-readers-said`,
      guid: `${absolute(path)}#what-readers-said`,
      link,
      date: o.followUp.publishedAt,
      description: plainText(o.followUp.text, 300),
      content: `<p>${escapeHtml(o.followUp.text)}</p>${quotes}`,
      author: [{ name: "The editors" }],
    });
  }
  for (const c of o.comments) {
    const link = absolute(`${path}/comments/${c.id}`);
    const item: Item = {
      title: `${c.authorName ?? "A reader"}: ${plainText(c.body, 80)}`,
      id: link,
      guid: link,
      link,
      date: c.editedAt ?? c.createdAt,
      published: c.createdAt,
      description: plainText(c.body, 300),
      content: c.bodyHtml,
      author: [
        {
          name: c.authorName ?? "Former reader",
          link: c.authorHandle ? absolute(`/readers/${c.authorHandle}`) : undefined,
        },
      ],
    };
    feed.addItem(item);
  }
  return render(feed, format);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
