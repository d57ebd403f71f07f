import { formatDate, formatNumber } from "@/components/ui/format";
import type { ArticleStats as Stats } from "@/lib/articles/queries";

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
  return (
    <section
      aria-labelledby="article-info"
      className="mt-6 rounded-lg bg-zinc-50 p-4 text-sm dark:bg-zinc-900"
    >
      <h2 id="article-info" className="sr-only">
        Article information
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          Published <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
        </li>
        <li>
          Last updated: <time dateTime={updatedAt}>{formatDate(updatedAt)}</time>
        </li>
        <li>
          Views: <span data-stat="views">{formatNumber(stats.views)}</span>
        </li>
        <li data-stat="rating">
          {stats.ratingAverage != null
            ? `Rating: ${stats.ratingAverage.toFixed(1)} / 5 (${formatNumber(stats.ratingVotes)} voted)`
            : "Not rated yet"}
        </li>
        {stats.helpfulPercent != null ? (
          <li data-stat="helpful">{`${stats.helpfulPercent}% of readers found this page helpful`}</li>
        ) : null}
      </ul>
    </section>
  );
}
