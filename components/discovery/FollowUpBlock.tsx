import { useFormatter, useTranslations } from "next-intl";
import type { FollowUpBlock as Block } from "@/lib/followup";

/** "What readers said": the editor's text, the chosen comments quoted, the poll results when published. */
export function FollowUpBlock({ block }: { block: Block }) {
  const t = useTranslations("FollowUp");
  const format = useFormatter();
  return (
    <section
      id="what-readers-said"
      aria-labelledby="what-readers-said-heading"
      className="mt-10 rounded-lg border-s-4 border-blue-700 bg-blue-50 p-5 dark:border-blue-400 dark:bg-blue-950/40"
    >
      <h2 id="what-readers-said-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      {block.publishedAt ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {t.rich("fromEditors", {
            date: format.dateTime(new Date(block.publishedAt), "long"),
            time: (c) => <time dateTime={block.publishedAt ?? undefined}>{c}</time>,
          })}
        </p>
      ) : null}
      <p className="mt-3 whitespace-pre-line">{block.text}</p>
      {block.quotes.length ? (
        <ul className="mt-4 space-y-4">
          {block.quotes.map((q) => (
            <li key={q.id}>
              <figure>
                <blockquote className="border-s-2 border-zinc-400 ps-3 italic">{q.excerpt}</blockquote>
                <figcaption className="mt-1 text-sm">
                  —{" "}
                  {q.authorHandle ? (
                    <a href={`/readers/${q.authorHandle}`}>{q.authorName ?? t("aReader")}</a>
                  ) : (
                    (q.authorName ?? t("aReader"))
                  )}
                  , <a href={q.url}>{t("readComment")}</a>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : null}
      {block.polls.length ? (
        <div className="mt-4">
          <h3 className="font-semibold">{t("pollThen")}</h3>
          {block.polls.map((p) => (
            <div key={p.pollId} className="mt-2 text-sm">
              <p className="font-medium">{p.question}</p>
              <ul>
                {p.options.map((o) => {
                  const pct = p.totalVoters ? Math.round((100 * o.votes) / p.totalVoters) : 0;
                  return (
                    <li key={o.label}>
                      {t("option", {
                        label: o.label,
                        percent: format.number(pct / 100, "percent"),
                        votes: o.votes,
                      })}
                    </li>
                  );
                })}
              </ul>
              <p className="text-zinc-600 dark:text-zinc-400">{t("voters", { count: p.totalVoters })}</p>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
