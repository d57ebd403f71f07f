import { useFormatter, useTranslations } from "next-intl";
import type { ArticleCard } from "@/lib/articles/queries";

export function ArticleList({
  title,
  articles,
  id,
  compact = false,
}: {
  title: string;
  articles: ArticleCard[];
  id: string;
  compact?: boolean;
}) {
  const t = useTranslations("Lists");
  const format = useFormatter();
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className={compact ? "mb-3 text-lg font-semibold" : "mb-4 text-2xl font-semibold"}>
        {title}
      </h2>
      {articles.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ul className={compact ? "space-y-3" : "grid gap-4 sm:grid-cols-2"}>
          {articles.map((a) => (
            <li key={a.slug}>
              <article
                className={compact ? "" : "h-full rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"}
              >
                <h3 className={compact ? "text-base font-medium" : "text-lg font-semibold"}>
                  <a href={`/articles/${a.slug}`}>{a.title}</a>
                </h3>
                {!compact && a.description ? (
                  <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{a.description}</p>
                ) : null}
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  <time dateTime={a.publishedAt}>{format.dateTime(new Date(a.publishedAt), "long")}</time> ·{" "}
                  <span data-views-for={a.slug}>{t("views", { count: a.views })}</span> ·{" "}
                  <span data-comment-count={a.slug}>{t("comments", { count: a.commentCount })}</span>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
