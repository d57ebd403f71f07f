import { useFormatter, useTranslations } from "next-intl";
import type { ArticleStats as Stats } from "@/lib/articles/queries";
import { helpfulText, ratingText } from "./stats-text";

/** "Article information": last updated, views, rating and helpfulness, as the original page showed. */
export function ArticleStats({
  stats,
  updatedAt,
  publishedAt,
}: {
  stats: Stats;
  updatedAt: string;
  publishedAt: string;
}) {
  const t = useTranslations("Article");
  const format = useFormatter();
  return (
    <section
      aria-labelledby="article-info"
      className="mt-6 rounded-lg bg-zinc-50 p-4 text-sm dark:bg-zinc-900"
    >
      <h2 id="article-info" className="sr-only">
        {t("info")}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          {t.rich("published", {
            date: format.dateTime(new Date(publishedAt), "long"),
            time: (c) => <time dateTime={publishedAt}>{c}</time>,
          })}
        </li>
        <li>
          {t.rich("updated", {
            date: format.dateTime(new Date(updatedAt), "long"),
            time: (c) => <time dateTime={updatedAt}>{c}</time>,
          })}
        </li>
        <li>
          {t.rich("viewsLabel", {
            views: format.number(stats.views),
            figure: (c) => <span data-stat="views">{c}</span>,
          })}
        </li>
        <li data-stat="rating">{ratingText(stats, t, format)}</li>
        {/* always present (hidden while empty) so that the client can fill it in after a vote */}
        <li data-stat="helpful" hidden={stats.helpfulPercent == null}>
          {helpfulText(stats, t)}
        </li>
      </ul>
    </section>
  );
}
