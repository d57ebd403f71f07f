// A poll on its own page, rendered per request for this reader: where a vote made without JavaScript
// lands, with the reader's vote, the results the rules allow, and the form to vote, change or withdraw.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { formMessage } from "@/components/polls/messages";
import { PollForm } from "@/components/polls/PollForm";
import { PollResults } from "@/components/polls/PollResults";
import { formatDate } from "@/components/ui/format";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { PollView } from "@/lib/polls/results";
import { pollForVoter } from "@/lib/polls/service";
import { voterForRequest } from "@/lib/voter/request";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reader poll", robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PollPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const split = one(sp.split) === "1";
  const voter = await voterForRequest(await headers());
  let poll: PollView;
  try {
    poll = await withDb(pollForVoter, id, voter.key, { split });
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
  const msg = formMessage(one(sp.done), one(sp.error));
  const mine = poll.options.filter((o) => poll.myVote?.includes(o.id)).map((o) => o.label);
  const voted = poll.myVote != null;
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <p className="text-sm">
        <a className="underline" href={`/articles/${poll.articleSlug}#poll-${poll.id}`}>
          ← Back to the article
        </a>
      </p>
      <p className="mt-6 text-sm font-medium uppercase tracking-wide text-zinc-700 dark:text-zinc-300">
        Reader poll
      </p>
      <h1 id="poll-question" className="mt-1 text-2xl font-bold">
        {poll.question}
      </h1>
      {msg ? (
        <p
          role={msg.error ? "alert" : "status"}
          className={`mt-4 rounded p-3 text-sm ${msg.error ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200"}`}
        >
          {msg.text}
          {one(sp.error) === "sign_in_required" ? (
            <>
              {" "}
              <a
                className="underline"
                href={`/signin?callbackUrl=${encodeURIComponent(`/polls/${poll.id}`)}`}
              >
                Sign in
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {poll.closesAt ? (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
          {poll.closed ? "This poll closed on " : "Voting closes on "}
          <time dateTime={poll.closesAt}>{formatDate(poll.closesAt)}</time>.
        </p>
      ) : null}
      {voted ? (
        <p className="mt-3">
          Your vote: <strong>{mine.join(", ")}</strong>
        </p>
      ) : null}
      {!poll.closed ? (
        <div className="mt-4">
          <PollForm
            poll={poll}
            labelledBy="poll-question"
            checked={poll.myVote}
            submitLabel={voted ? "Change vote" : "Vote"}
          >
            {voted ? (
              <button
                type="submit"
                name="action"
                value="withdraw"
                formNoValidate
                className="rounded px-3 py-1.5 text-sm font-medium text-blue-800 underline dark:text-blue-300"
              >
                Withdraw vote
              </button>
            ) : null}
          </PollForm>
        </div>
      ) : null}
      {poll.resultsVisible ? (
        <section aria-label="Results" className="mt-6">
          <PollResults poll={poll} />
          <p className="mt-3 text-sm">
            <a className="underline" href={split ? `/polls/${poll.id}` : `/polls/${poll.id}?split=1`}>
              {split ? "Hide signed-in vs anonymous" : "Show signed-in vs anonymous"}
            </a>
          </p>
        </section>
      ) : (
        <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300">
          {poll.resultsHiddenUntil === "close"
            ? "Results will be shown when the poll closes."
            : "Vote to see the results."}
        </p>
      )}
    </main>
  );
}
