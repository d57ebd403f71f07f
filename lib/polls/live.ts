// Live poll totals for readers who are looking at results. After a vote commits, the instance that took
// it publishes the poll's fresh totals on the PostgreSQL channel "agora_polls" (lib/realtime/bus.ts), at
// most once per AGORA_POLL_LIVE_WINDOW_MS (default 500 ms) per poll with a trailing edge, so a burst of
// a thousand votes costs a few NOTIFYs and the last state is always sent. Every instance LISTENs once
// and hands each message to the SSE streams open on that article (one stream per reader per article).
import "server-only";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { publish, subscribe } from "@/lib/realtime/bus";
import { shared } from "@/server/state.cjs";
import { pollDefinition } from "./definitions";
import { readTotals, resultFigures } from "./results";

export const POLL_CHANNEL = "agora_polls";
const WINDOW_MS = Number(process.env.AGORA_POLL_LIVE_WINDOW_MS || 500);

export interface PollTotalsEvent {
  pollId: string;
  articleSlug: string;
  totalVoters: number;
  options: { id: string; count: number; percent: number }[];
}

type Listener = (e: PollTotalsEvent) => void;
interface LiveState {
  last: Map<string, number>;
  pending: Set<string>;
  bySlug: Map<string, Set<Listener>>;
  listening?: Promise<unknown>;
}
const state = shared<LiveState>("pollLive", () => ({
  last: new Map(),
  pending: new Set(),
  bySlug: new Map(),
}));

async function send(pollId: string): Promise<void> {
  const db = await getDb();
  const def = await pollDefinition(db, pollId);
  if (!def) return;
  const totals = (await readTotals(db, [pollId])).get(pollId);
  const event: PollTotalsEvent = { pollId, articleSlug: def.articleSlug, ...resultFigures(def, totals) };
  await publish(POLL_CHANNEL, event);
}

function fire(pollId: string) {
  state.last.set(pollId, Date.now());
  send(pollId).catch((e) => log.warn({ err: (e as Error).message, pollId }, "poll totals not broadcast"));
}

/** Called after a vote's transaction commits: schedules a broadcast of the poll's totals. */
export function announceTotals(pollId: string): void {
  const since = Date.now() - (state.last.get(pollId) ?? 0);
  if (since >= WINDOW_MS) {
    fire(pollId);
    return;
  }
  if (state.pending.has(pollId)) return;
  state.pending.add(pollId);
  const t = setTimeout(() => {
    state.pending.delete(pollId);
    fire(pollId);
  }, WINDOW_MS - since);
  t.unref?.();
}

function dispatch(payload: unknown) {
  const e = payload as PollTotalsEvent;
  if (typeof e?.articleSlug !== "string" || typeof e.pollId !== "string") return;
  for (const l of state.bySlug.get(e.articleSlug) ?? []) l(e);
}

/** Listens to the totals of an article's polls; returns the function that stops listening. */
export async function listenToArticlePolls(slug: string, listener: Listener): Promise<() => void> {
  if (!state.listening) {
    state.listening = subscribe(POLL_CHANNEL, dispatch).catch((e) => {
      state.listening = undefined;
      throw e;
    });
  }
  await state.listening;
  let set = state.bySlug.get(slug);
  if (!set) state.bySlug.set(slug, (set = new Set()));
  set.add(listener);
  return () => {
    set!.delete(listener);
    if (set!.size === 0 && state.bySlug.get(slug) === set) state.bySlug.delete(slug);
  };
}
