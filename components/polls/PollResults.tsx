// A poll's results as an accessible bar chart: every option has its figures in text (percentage and
// votes); the bars repeat them visually and are hidden from assistive technology. Used by the article's
// client-side polls and by the server-rendered poll page.
import { formatNumber, plural } from "@/components/ui/format";
import type { PollView } from "@/lib/polls/results";

export function PollResults({ poll }: { poll: PollView }) {
  const total = poll.totalVoters ?? 0;
  const split = poll.split;
  return (
    <div className="mt-3" data-poll-results={poll.id}>
      <p className="text-sm font-medium">
        {poll.closed ? "Final results" : "Results"}:{" "}
        <span data-total-voters>{plural(total, "voter", "voters")}</span>
      </p>
      <ul className="mt-2 space-y-3" aria-label={`Results: ${poll.question}`}>
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
                  {mine ? <strong className="ml-1">(your vote)</strong> : null}
                </span>
                <span className="whitespace-nowrap tabular-nums" data-figures>
                  {percent}% · {plural(o.count ?? 0, "vote", "votes")}
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
                  Signed-in readers: {s.signedIn.percent}% ({formatNumber(s.signedIn.count)}) · Anonymous:{" "}
                  {s.anonymous.percent}% ({formatNumber(s.anonymous.count)})
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {split ? (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
          {plural(split.signedIn.voters, "signed-in voter", "signed-in voters")},{" "}
          {plural(split.anonymous.voters, "anonymous voter", "anonymous voters")}.
        </p>
      ) : null}
      {poll.multiple ? (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
          Voters could choose up to {poll.maxChoices} options; percentages are of voters and can add up to
          more than 100%.
        </p>
      ) : null}
      <p className="mt-2 text-xs italic text-zinc-700 dark:text-zinc-300">
        Reader poll — not a scientific sample
      </p>
    </div>
  );
}
