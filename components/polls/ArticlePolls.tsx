"use client";
// The article's polls. The cached page renders each poll as a plain form (works without JavaScript);
// here, once the page runs, the reader's own vote and the results they may see are fetched from the API
// (never baked into the cached HTML), votes go through fetch, and results stay live over server-sent
// events while they are on screen.
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { formatDate } from "@/components/ui/format";
import type { PublicPoll } from "@/lib/articles/queries";
import type { PollView } from "@/lib/polls/results";
import { PollForm } from "./PollForm";
import { PollResults } from "./PollResults";

type Message = { text: string; error?: boolean };
type TotalsEvent = {
  pollId: string;
  totalVoters: number;
  options: { id: string; count: number; percent: number }[];
};

const linkButton =
  "rounded px-2 py-1 text-sm font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-700 disabled:opacity-60 dark:text-blue-300";

type ApiBody = {
  poll?: PollView;
  polls?: PollView[];
  changed?: boolean;
  withdrawn?: boolean;
  error?: { message?: string };
} | null;

async function call(
  url: string,
  init?: RequestInit,
): Promise<{ ok: boolean; status: number; body: ApiBody }> {
  try {
    const r = await fetch(url, { cache: "no-store", ...init });
    return { ok: r.ok, status: r.status, body: await r.json().catch(() => null) };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

function failure(body: ApiBody, fallback: string): string {
  return typeof body?.error?.message === "string" ? body.error.message : fallback;
}

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
  const [views, setViews] = useState<Record<string, PollView>>({});
  const [editing, setEditing] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [messages, setMessages] = useState<Record<string, Message>>({});
  const [splitOpen, setSplitOpen] = useState<Record<string, boolean>>({});
  const mounted = useRef(true);

  const say = (id: string, text: string, error = false) =>
    setMessages((m) => ({ ...m, [id]: { text, error } }));
  const put = (v: PollView) => setViews((all) => ({ ...all, [v.id]: v }));

  const load = useCallback(async () => {
    const r = await call(`/api/v1/articles/${encodeURIComponent(slug)}/polls`);
    if (!r.ok || !Array.isArray(r.body?.polls) || !mounted.current) return;
    setViews(Object.fromEntries(r.body.polls.map((p) => [p.id, p])));
  }, [slug]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  // results that may change: follow them live (reopened when the set changes, e.g. after voting)
  const live = Object.values(views)
    .filter((v) => v.resultsVisible && !v.closed)
    .map((v) => v.id)
    .sort()
    .join(",");
  useEffect(() => {
    if (!live || typeof EventSource === "undefined") return;
    const es = new EventSource(`/api/v1/articles/${encodeURIComponent(slug)}/polls/events`);
    let opened = false;
    es.addEventListener("open", () => {
      if (opened) void load(); // reconnected: catch up on what was missed
      opened = true;
    });
    es.addEventListener("totals", (ev) => {
      let d: TotalsEvent;
      try {
        d = JSON.parse((ev as MessageEvent).data);
      } catch {
        return;
      }
      setViews((all) => {
        const v = all[d.pollId];
        if (!v?.resultsVisible) return all;
        const byId = new Map(d.options.map((o) => [o.id, o]));
        return {
          ...all,
          [v.id]: {
            ...v,
            totalVoters: d.totalVoters,
            split: undefined,
            options: v.options.map((o) => {
              const f = byId.get(o.id);
              return f ? { ...o, count: f.count, percent: f.percent } : o;
            }),
          },
        };
      });
    });
    return () => es.close();
  }, [live, slug, load]);

  // a poll that closes while the page is open: fetch its final state then
  useEffect(() => {
    const now = Date.now();
    const next = Object.values(views)
      .filter((v) => !v.closed && v.closesAt)
      .map((v) => Date.parse(v.closesAt!) - now)
      .filter((ms) => ms > 0 && ms < 24 * 3600_000)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    const t = setTimeout(() => void load(), next + 500);
    return () => clearTimeout(t);
  }, [views, load]);

  async function vote(p: PublicPoll, e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const optionIds = new FormData(e.currentTarget).getAll("optionIds").map(String);
    if (optionIds.length === 0) return say(p.id, "Choose an option first.", true);
    if (p.multiple && optionIds.length > p.maxChoices)
      return say(p.id, `Choose at most ${p.maxChoices} options; you chose ${optionIds.length}.`, true);
    setBusy(p.id);
    const r = await call(`/api/v1/polls/${p.id}/vote`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ optionIds }),
    });
    setBusy(null);
    if (!r.ok || !r.body?.poll)
      return say(p.id, failure(r.body, "Your vote could not be counted. Please try again."), true);
    put(r.body.poll);
    setEditing((x) => ({ ...x, [p.id]: false }));
    setSplitOpen((x) => ({ ...x, [p.id]: false }));
    say(
      p.id,
      r.status === 201
        ? "Thank you, your vote was counted."
        : r.body.changed
          ? "Your vote was changed."
          : "Your vote is unchanged.",
    );
  }

  async function withdraw(p: PublicPoll) {
    setBusy(p.id);
    const r = await call(`/api/v1/polls/${p.id}/vote`, { method: "DELETE" });
    setBusy(null);
    if (!r.ok || !r.body?.poll)
      return say(p.id, failure(r.body, "Your vote could not be withdrawn. Please try again."), true);
    put(r.body.poll);
    setEditing((x) => ({ ...x, [p.id]: false }));
    say(p.id, r.body.withdrawn ? "Your vote was withdrawn." : "You had no vote to withdraw.");
  }

  async function toggleSplit(p: PublicPoll) {
    if (splitOpen[p.id]) {
      setSplitOpen((x) => ({ ...x, [p.id]: false }));
      return;
    }
    const r = await call(`/api/v1/polls/${p.id}?split=1`);
    if (!r.ok || !r.body?.poll) return say(p.id, failure(r.body, "The split could not be loaded."), true);
    put(r.body.poll);
    setSplitOpen((x) => ({ ...x, [p.id]: true }));
  }

  return (
    <div className="space-y-4">
      {polls.map((p) => {
        const v = views[p.id];
        const qid = `poll-${p.id}-question`;
        const closed = v ? v.closed : p.closesAt != null && Date.parse(p.closesAt) <= renderedAt;
        const voted = v?.myVote != null;
        const showForm = !closed && (!voted || editing[p.id]);
        const myLabels = p.options.filter((o) => v?.myVote?.includes(o.id)).map((o) => o.label);
        const msg = messages[p.id];
        const shown = v?.resultsVisible ? { ...v, split: splitOpen[p.id] ? v.split : undefined } : null;
        return (
          <section
            key={p.id}
            id={`poll-${p.id}`}
            aria-labelledby={qid}
            className="rounded-md border border-blue-200 bg-white p-4 dark:border-blue-900 dark:bg-zinc-950"
          >
            <h3 id={qid} className="font-semibold">
              {p.question}
            </h3>
            {p.closesAt ? (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                {closed ? "This poll closed on " : "Voting closes on "}
                <time dateTime={p.closesAt}>{formatDate(p.closesAt)}</time>.
              </p>
            ) : null}
            {showForm ? (
              <div className="mt-2">
                <PollForm
                  key={editing[p.id] ? `edit-${v?.myVote?.join()}` : "new"}
                  poll={p}
                  labelledBy={qid}
                  checked={editing[p.id] ? v?.myVote : null}
                  submitLabel={editing[p.id] ? "Change vote" : "Vote"}
                  busy={busy === p.id}
                  onSubmit={(e) => void vote(p, e)}
                >
                  {editing[p.id] ? (
                    <button
                      type="button"
                      className={linkButton}
                      onClick={() => setEditing((x) => ({ ...x, [p.id]: false }))}
                    >
                      Cancel
                    </button>
                  ) : null}
                </PollForm>
              </div>
            ) : null}
            {voted && !editing[p.id] ? (
              <div className="mt-2 flex flex-wrap items-center gap-x-2 text-sm">
                <span>
                  Your vote: <strong>{myLabels.join(", ")}</strong>
                </span>
                {!closed ? (
                  <>
                    <button
                      type="button"
                      className={linkButton}
                      disabled={busy === p.id}
                      onClick={() => setEditing((x) => ({ ...x, [p.id]: true }))}
                    >
                      Change vote
                    </button>
                    <button
                      type="button"
                      className={linkButton}
                      disabled={busy === p.id}
                      onClick={() => void withdraw(p)}
                    >
                      Withdraw vote
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
                  aria-expanded={Boolean(splitOpen[p.id])}
                  onClick={() => void toggleSplit(p)}
                >
                  {splitOpen[p.id] ? "Hide signed-in vs anonymous" : "Show signed-in vs anonymous"}
                </button>
              </>
            ) : v?.resultsHiddenUntil === "close" ? (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
                Results will be shown when the poll closes
                {v.closesAt ? (
                  <>
                    {" "}
                    on <time dateTime={v.closesAt}>{formatDate(v.closesAt)}</time>
                  </>
                ) : null}
                .
              </p>
            ) : v && !voted ? (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">Vote to see the results.</p>
            ) : null}
            {!v && closed ? (
              <noscript>
                <p className="mt-2 text-sm">
                  <a href={`/polls/${p.id}`}>See the final results</a>
                </p>
              </noscript>
            ) : null}
            <p
              role="status"
              className={`mt-2 min-h-5 text-sm ${msg?.error ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
            >
              {msg?.text ?? ""}
            </p>
          </section>
        );
      })}
    </div>
  );
}
