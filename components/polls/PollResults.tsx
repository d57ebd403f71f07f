// A poll's results as an accessible bar chart: every option has its figures in text (percentage and
// votes); the bars repeat them visually and are hidden from assistive technology. Used by the article's
// client-side polls and by the server-rendered poll page.
import { useFormatter, useTranslations } from "next-intl";
import type { PollView } from "@/lib/polls/results";

export function PollResults({ poll }: { poll: PollView }) {
  const t = useTranslations("Polls");
  const format = useFormatter();
  const pct = (n: number | null | undefined) => format.number((n ?? 0) / 100, "percent");
  const total = poll.totalVoters ?? 0;
  const split = poll.split;
  return (
    <div className="mt-3" data-poll-results={poll.id}>
      <p className="text-sm font-medium">
        {t.rich(poll.closed ? "finalResults" : "results", {
          voters: total,
          figure: (c) => <span data-total-voters>{c}</span>,
        })}
      </p>
      <ul className="mt-2 space-y-3" aria-label={t("resultsOf", { question: poll.question })}>
        {poll.options.map((o) => {
          const mine = poll.myVote?.includes(o.id) ?? false;
          const percent = o.percent ?? 0;
          const s = split
            ? {
                signedIn: split.signedIn.options.find((x) => x.id === o.id),
                anonymous: split.anonymous.options.find((x) => x.id === o.id),
              }
            : null;
          return (
            <li key={o.id} data-option={o.id}>
              <div className="flex justify-between gap-3 text-sm">
                <span>
                  {o.label}
                  {mine ? <strong className="ms-1">{t("yourVoteMark")}</strong> : null}
                </span>
                <span className="whitespace-nowrap tabular-nums" data-figures>
                  {t("optionFigures", { percent: pct(percent), votes: o.count ?? 0 })}
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-2.5 w-full rounded bg-zinc-200 dark:bg-zinc-700">
                <div
                  className={`h-2.5 rounded ${mine ? "bg-blue-900 dark:bg-blue-300" : "bg-blue-600 dark:bg-blue-500"}`}
                  style={{ width: `${Math.min(100, percent)}%` }}
                />
              </div>
              {s?.signedIn && s.anonymous ? (
                <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
                  {t("splitFigures", {
                    signedInPercent: pct(s.signedIn.percent),
                    signedIn: s.signedIn.count,
                    anonymousPercent: pct(s.anonymous.percent),
                    anonymous: s.anonymous.count,
                  })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {split ? (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
          {t("splitVoters", { signedIn: split.signedIn.voters, anonymous: split.anonymous.voters })}
        </p>
      ) : null}
      {poll.multiple ? (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
          {t("multipleNote", { max: poll.maxChoices })}
        </p>
      ) : null}
      <p className="mt-2 text-xs italic text-zinc-700 dark:text-zinc-300">{t("notScientific")}</p>
    </div>
  );
}
