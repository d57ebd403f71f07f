import { formatDate, formatNumber } from "@/components/ui/format";
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
        <li data-stat="rating">{ratingText(stats)}</li>
        {/* always present (hidden while empty) so that the client can fill it in after a vote */}
        <li data-stat="helpful" hidden={stats.helpfulPercent == null}>
          {helpfulText(stats)}
        </li>
      </ul>
    </section>
  );
}
