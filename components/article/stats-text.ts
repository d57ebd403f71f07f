// The wording of the article's rating and helpfulness figures, shared by the cached page (ArticleStats)
// and the client code that refreshes them after a reader rates the article. `t` is the "Article"
// namespace's translator (server or client) and `format` the matching formatter (next-intl).
import type { useFormatter, useTranslations } from "next-intl";

export interface RatingFigures {
  ratingAverage: number | null;
  ratingVotes: number;
  helpfulPercent: number | null;
}

type T = ReturnType<typeof useTranslations<"Article">>;
type F = ReturnType<typeof useFormatter>;

export function ratingText(s: RatingFigures, t: T, format: F): string {
  return s.ratingAverage != null
    ? t("rating", {
        average: format.number(s.ratingAverage, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        votes: s.ratingVotes,
      })
    : t("notRated");
}

export function helpfulText(s: RatingFigures, t: T): string {
  return s.helpfulPercent != null ? t("helpful", { percent: s.helpfulPercent / 100 }) : "";
}
