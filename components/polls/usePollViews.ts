"use client";
// The state behind ArticlePolls: the reader's view of each poll (own vote, results they may see) fetched
// from the API after the cached page loads, live totals over server-sent events while results are
// shown, a refetch when a poll closes while open, and the vote/withdraw/split actions with their
// messages.
import { useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/api";
import type { PublicPoll } from "@/lib/articles/queries";
import type { PollView } from "@/lib/polls/results";

export type Message = { text: string; error?: boolean };
type TotalsEvent = {
  pollId: string;
  totalVoters: number;
  options: { id: string; count: number; percent: number }[];
};
type VoteAnswer = { poll: PollView; changed?: boolean; withdrawn?: boolean };

export function usePollViews(slug: string) {
  const t = useTranslations("Polls");
  const [views, setViews] = useState<Record<string, PollView>>({});
  const [editing, setEditingMap] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [messages, setMessages] = useState<Record<string, Message>>({});
  const [splitOpen, setSplitOpen] = useState<Record<string, boolean>>({});
  const mounted = useRef(true);

  const say = (id: string, text: string, error = false) =>
    setMessages((m) => ({ ...m, [id]: { text, error } }));
  const put = (v: PollView) => setViews((all) => ({ ...all, [v.id]: v }));
  const setEditing = (id: string, on: boolean) => setEditingMap((x) => ({ ...x, [id]: on }));

  const load = useCallback(async () => {
    const r = await callApi<{ polls: PollView[] }>(
      "GET",
      `/api/v1/articles/${encodeURIComponent(slug)}/polls`,
    );
    if (!r.ok || !Array.isArray(r.data?.polls) || !mounted.current) return;
    setViews(Object.fromEntries(r.data.polls.map((p) => [p.id, p])));
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
    if (optionIds.length === 0) return say(p.id, t("chooseFirst"), true);
    if (p.multiple && optionIds.length > p.maxChoices)
      return say(p.id, t("tooMany", { max: p.maxChoices, chosen: optionIds.length }), true);
    setBusy(p.id);
    const r = await callApi<VoteAnswer>("PUT", `/api/v1/polls/${p.id}/vote`, { optionIds });
    setBusy(null);
    if (!r.ok) return say(p.id, r.error.message, true);
    put(r.data.poll);
    setEditing(p.id, false);
    setSplitOpen((x) => ({ ...x, [p.id]: false }));
    say(p.id, r.status === 201 ? t("counted") : r.data.changed ? t("changed") : t("unchanged"));
  }

  async function withdraw(p: PublicPoll) {
    setBusy(p.id);
    const r = await callApi<VoteAnswer>("DELETE", `/api/v1/polls/${p.id}/vote`);
    setBusy(null);
    if (!r.ok) return say(p.id, r.error.message, true);
    put(r.data.poll);
    setEditing(p.id, false);
    say(p.id, r.data.withdrawn ? t("withdrawn") : t("noVoteToWithdraw"));
  }

  async function toggleSplit(p: PublicPoll) {
    if (splitOpen[p.id]) {
      setSplitOpen((x) => ({ ...x, [p.id]: false }));
      return;
    }
    const r = await callApi<{ poll: PollView }>("GET", `/api/v1/polls/${p.id}?split=1`);
    if (!r.ok) return say(p.id, r.error.message, true);
    put(r.data.poll);
    setSplitOpen((x) => ({ ...x, [p.id]: true }));
  }

  return { views, editing, setEditing, busy, messages, splitOpen, vote, withdraw, toggleSplit };
}
