// The wording of the article's rating and helpfulness figures, shared by the cached page (ArticleStats)
// and the client code that refreshes them after a reader rates the article.
import { formatNumber } from "@/components/ui/format";

export interface RatingFigures {
  ratingAverage: number | null;
  ratingVotes: number;
  helpfulPercent: number | null;
}

export function ratingText(s: RatingFigures): string {
  return s.ratingAverage != null
    ? `Rating: ${s.ratingAverage.toFixed(1)} / 5 (${formatNumber(s.ratingVotes)} voted)`
    : "Not rated yet";
}

export function helpfulText(s: RatingFigures): string {
  return s.helpfulPercent != null ? `${s.helpfulPercent}% of readers found this page helpful` : "";
}
