// A poll on its own page, rendered per request for this reader: where a vote made without JavaScript
// lands, with the reader's vote, the results the rules allow, and the form to vote, change or withdraw.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { formMessage } from "@/components/polls/messages";
import { PollForm } from "@/components/polls/PollForm";
import { PollResults } from "@/components/polls/PollResults";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { pageLocale } from "@/lib/i18n/server";
import type { PollView } from "@/lib/polls/results";
import { pollForVoter } from "@/lib/polls/service";
import { voterForRequest } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "PollForm" });
  return { title: t("title"), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PollPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("PollForm");
  const tp = await getTranslations("Polls");
  const format = await getFormatter();
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
  const msg = formMessage(t, one(sp.done), one(sp.error));
  const mine = poll.options.filter((o) => poll.myVote?.includes(o.id)).map((o) => o.label);
  const voted = poll.myVote != null;
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <p className="text-sm">
        <a className="underline" href={`/articles/${poll.articleSlug}#poll-${poll.id}`}>
          {t("back")}
        </a>
      </p>
      <p className="mt-6 text-sm font-medium uppercase tracking-wide text-zinc-700 dark:text-zinc-300">
        {t("title")}
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
                {t("signIn")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {poll.closesAt ? (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
          {tp.rich(poll.closed ? "closedOn" : "closesOn", {
            date: format.dateTime(new Date(poll.closesAt), "long"),
            time: (c) => <time dateTime={poll.closesAt ?? undefined}>{c}</time>,
          })}
        </p>
      ) : null}
      {voted ? (
        <p className="mt-3">
          {tp.rich("yourVote", { labels: format.list(mine), strong: (c) => <strong>{c}</strong> })}
        </p>
      ) : null}
      {!poll.closed ? (
        <div className="mt-4">
          <PollForm
            poll={poll}
            labelledBy="poll-question"
            checked={poll.myVote}
            submitLabel={voted ? tp("changeVote") : tp("vote")}
          >
            {voted ? (
              <button
                type="submit"
                name="action"
                value="withdraw"
                formNoValidate
                className="rounded px-3 py-1.5 text-sm font-medium text-blue-800 underline dark:text-blue-300"
              >
                {tp("withdraw")}
              </button>
            ) : null}
          </PollForm>
        </div>
      ) : null}
      {poll.resultsVisible ? (
        <section aria-label={t("results")} className="mt-6">
          <PollResults poll={poll} />
          <p className="mt-3 text-sm">
            <a className="underline" href={split ? `/polls/${poll.id}` : `/polls/${poll.id}?split=1`}>
              {split ? tp("hideSplit") : tp("showSplit")}
            </a>
          </p>
        </section>
      ) : (
        <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300">
          {poll.resultsHiddenUntil === "close" ? tp("resultsAtClose") : tp("voteToSee")}
        </p>
      )}
    </main>
  );
}
