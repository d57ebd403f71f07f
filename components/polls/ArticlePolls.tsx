"use client";
// The article's polls. The cached page renders each poll as a plain form (works without JavaScript);
// here, once the page runs, the reader's own vote and the results they may see are fetched from the API
// (never baked into the cached HTML; usePollViews), votes go through the API client, and results stay
// live over server-sent events while they are on screen.
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef } from "react";
import type { PublicPoll } from "@/lib/articles/queries";
import type { PollView } from "@/lib/polls/results";
import { PollForm } from "./PollForm";
import { PollResults } from "./PollResults";
import { type Message, usePollViews } from "./usePollViews";

const linkButton =
  "rounded px-2 py-1 text-sm font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-700 aria-disabled:opacity-60 dark:text-blue-300";

export function ArticlePolls({
  slug,
  polls,
  renderedAt,
}: {
  slug: string;
  polls: PublicPoll[];
  /** when the cached page was rendered: decides "closed" until the API answers */
  renderedAt: number;
}) {
  const s = usePollViews(slug);
  return (
    <div className="space-y-4">
      {polls.map((p) => (
        <PollCard
          key={p.id}
          p={p}
          v={s.views[p.id]}
          renderedAt={renderedAt}
          editing={Boolean(s.editing[p.id])}
          setEditing={(on) => s.setEditing(p.id, on)}
          busy={s.busy === p.id}
          msg={s.messages[p.id]}
          splitOpen={Boolean(s.splitOpen[p.id])}
          onVote={(e) => void s.vote(p, e)}
          onWithdraw={() => void s.withdraw(p)}
          onToggleSplit={() => void s.toggleSplit(p)}
        />
      ))}
    </div>
  );
}

function PollCard({
  p,
  v,
  renderedAt,
  editing,
  setEditing,
  busy,
  msg,
  splitOpen,
  onVote,
  onWithdraw,
  onToggleSplit,
}: {
  p: PublicPoll;
  v: PollView | undefined;
  renderedAt: number;
  editing: boolean;
  setEditing: (on: boolean) => void;
  busy: boolean;
  msg: Message | undefined;
  splitOpen: boolean;
  onVote: (e: FormEvent<HTMLFormElement>) => void;
  onWithdraw: () => void;
  onToggleSplit: () => void;
}) {
  const t = useTranslations("Polls");
  const format = useFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), "long");
  const statusRef = useRef<HTMLParagraphElement>(null);
  // after a vote, a change or a withdrawal, focus moves to the message saying what happened (the form
  // that had focus may be gone)
  useEffect(() => {
    if (msg?.text) statusRef.current?.focus();
  }, [msg]);
  const qid = `poll-${p.id}-question`;
  const closed = v ? v.closed : p.closesAt != null && Date.parse(p.closesAt) <= renderedAt;
  const voted = v?.myVote != null;
  const showForm = !closed && (!voted || editing);
  const myLabels = p.options.filter((o) => v?.myVote?.includes(o.id)).map((o) => o.label);
  const shown = v?.resultsVisible ? { ...v, split: splitOpen ? v.split : undefined } : null;
  return (
    <section
      id={`poll-${p.id}`}
      aria-labelledby={qid}
      className="rounded-md border border-blue-200 bg-white p-4 dark:border-blue-900 dark:bg-zinc-950"
    >
      <h3 id={qid} className="font-semibold">
        {p.question}
      </h3>
      {p.closesAt ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {t.rich(closed ? "closedOn" : "closesOn", {
            date: date(p.closesAt),
            time: (c) => <time dateTime={p.closesAt ?? undefined}>{c}</time>,
          })}
        </p>
      ) : null}
      {showForm ? (
        <div className="mt-2">
          <PollForm
            key={editing ? `edit-${v?.myVote?.join()}` : "new"}
            poll={p}
            labelledBy={qid}
            checked={editing ? v?.myVote : null}
            submitLabel={editing ? t("changeVote") : t("vote")}
            busy={busy}
            onSubmit={onVote}
          >
            {editing ? (
              <button type="button" className={linkButton} onClick={() => setEditing(false)}>
                {t("cancel")}
              </button>
            ) : null}
          </PollForm>
        </div>
      ) : null}
      {voted && !editing ? (
        <div className="mt-2 flex flex-wrap items-center gap-x-2 text-sm">
          <span>
            {t.rich("yourVote", {
              labels: format.list(myLabels),
              strong: (c) => <strong>{c}</strong>,
            })}
          </span>
          {!closed ? (
            <>
              <button
                type="button"
                className={linkButton}
                aria-disabled={busy || undefined}
                onClick={() => setEditing(true)}
              >
                {t("changeVote")}
              </button>
              <button
                type="button"
                className={linkButton}
                aria-disabled={busy || undefined}
                onClick={busy ? undefined : onWithdraw}
              >
                {t("withdraw")}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {shown ? (
        <>
          <PollResults poll={shown} />
          <button
            type="button"
            className={`${linkButton} mt-1 px-0`}
            aria-expanded={Boolean(splitOpen)}
            onClick={onToggleSplit}
          >
            {splitOpen ? t("hideSplit") : t("showSplit")}
          </button>
        </>
      ) : v?.resultsHiddenUntil === "close" ? (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {v.closesAt
            ? t.rich("resultsAtCloseOn", {
                date: date(v.closesAt),
                time: (c) => <time dateTime={v.closesAt ?? undefined}>{c}</time>,
              })
            : t("resultsAtClose")}
        </p>
      ) : v && !voted ? (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("voteToSee")}</p>
      ) : null}
      {!v && closed ? (
        <noscript>
          <p className="mt-2 text-sm">
            <a href={`/polls/${p.id}`}>{t("seeFinal")}</a>
          </p>
        </noscript>
      ) : null}
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={`mt-2 min-h-5 text-sm ${msg?.error ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
      >
        {msg?.text ?? ""}
      </p>
    </section>
  );
}
