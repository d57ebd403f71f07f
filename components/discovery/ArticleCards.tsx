import { useFormatter, useTranslations } from "next-intl";
import type { ListedArticle } from "@/lib/discovery/queries";

/** A list of published articles (tag and author pages). */
export function ArticleCards({
  articles,
  showAuthor = true,
}: {
  articles: ListedArticle[];
  showAuthor?: boolean;
}) {
  const t = useTranslations("Lists");
  const format = useFormatter();
  if (!articles.length) return <p className="text-zinc-600 dark:text-zinc-400">{t("noArticles")}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {articles.map((a) => (
        <li key={a.slug}>
          <article className="h-full rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <h3 className="text-lg font-semibold">
              <a href={`/articles/${a.slug}`}>{a.title}</a>
            </h3>
            {a.description ? (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{a.description}</p>
            ) : null}
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {showAuthor ? (
                <>
                  <a href={`/authors/${a.author.slug}`}>{a.author.name}</a> ·{" "}
                </>
              ) : null}
              <time dateTime={a.publishedAt.toISOString()}>{format.dateTime(a.publishedAt, "long")}</time> ·{" "}
              {t("comments", { count: a.commentCount })}
            </p>
            {a.tags.length ? (
              <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={t("tags")}>
                {a.tags.map((tag) => (
                  <li key={tag}>
                    <a
                      href={`/tags/${encodeURIComponent(tag)}`}
                      className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800"
                    >
                      {tag}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}

/** "Subscribe" links to a page's feeds (also announced in <head> as rel=alternate). */
export function FeedLinks({ base }: { base: string }) {
  const t = useTranslations("Lists");
  return (
    <p className="mt-2 text-sm">
      {t("follow")} <a href={`${base}/feed.xml`}>RSS</a> · <a href={`${base}/atom.xml`}>Atom</a>
    </p>
  );
}

export function feedAlternates(base: string, title: string) {
  return {
    "application/rss+xml": [{ url: `${base}/feed.xml`, title: `${title} (RSS)` }],
    "application/atom+xml": [{ url: `${base}/atom.xml`, title: `${title} (Atom)` }],
  };
}
