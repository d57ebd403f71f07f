import { formatDate, formatNumber } from "@/components/ui/format";
import type { FollowUpBlock as Block } from "@/lib/followup";

/** "What readers said": the editor's text, the chosen comments quoted, the poll results when published. */
export function FollowUpBlock({ block }: { block: Block }) {
  return (
    <section
      id="what-readers-said"
      aria-labelledby="what-readers-said-heading"
      className="mt-10 rounded-lg border-l-4 border-blue-700 bg-blue-50 p-5 dark:border-blue-400 dark:bg-blue-950/40"
    >
      <h2 id="what-readers-said-heading" className="text-2xl font-semibold">
        What readers said
      </h2>
      {block.publishedAt ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          From the editors, <time dateTime={block.publishedAt}>{formatDate(block.publishedAt)}</time>
        </p>
      ) : null}
      <p className="mt-3 whitespace-pre-line">{block.text}</p>
      {block.quotes.length ? (
        <ul className="mt-4 space-y-4">
          {block.quotes.map((q) => (
            <li key={q.id}>
              <figure>
                <blockquote className="border-l-2 border-zinc-400 pl-3 italic">{q.excerpt}</blockquote>
                <figcaption className="mt-1 text-sm">
                  —{" "}
                  {q.authorHandle ? (
                    <a href={`/readers/${q.authorHandle}`}>{q.authorName ?? "A reader"}</a>
                  ) : (
                    (q.authorName ?? "A reader")
                  )}
                  , <a href={q.url}>read the comment</a>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : null}
      {block.polls.length ? (
        <div className="mt-4">
          <h3 className="font-semibold">The poll when we wrote this</h3>
          {block.polls.map((p) => (
            <div key={p.pollId} className="mt-2 text-sm">
              <p className="font-medium">{p.question}</p>
              <ul>
                {p.options.map((o) => {
                  const pct = p.totalVoters ? Math.round((100 * o.votes) / p.totalVoters) : 0;
                  return (
                    <li key={o.label}>
                      {o.label}: {pct}% ({formatNumber(o.votes)})
                    </li>
                  );
                })}
              </ul>
              <p className="text-zinc-600 dark:text-zinc-400">{formatNumber(p.totalVoters)} voters</p>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
