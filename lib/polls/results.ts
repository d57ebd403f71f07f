// What a voter sees of a poll: its definition, their own vote, and the results when the poll's rules let
// them see results. Totals come from the counters on the rows (never from counting votes), except the
// signed-in/anonymous split of a multiple-choice poll, which counts rows on demand.
import "server-only";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pollOptions, polls, pollVotes } from "@/db/schema";
import {
  choiceLimit,
  isClosed,
  type PollDef,
  percentOf,
  type ResultsVisibility,
  resultsHiddenUntil,
  type WhoMayVote,
} from "./rules";

export interface OptionTotals {
  count: number;
  signedIn: number;
}
export interface PollTotals {
  totalVoters: number;
  options: Map<string, OptionTotals>;
}

export interface OptionView {
  id: string;
  label: string;
  /** present only when results are visible to this voter */
  count?: number;
  percent?: number;
}

export interface SplitGroup {
  voters: number;
  options: { id: string; count: number; percent: number }[];
}

export interface PollView {
  id: string;
  articleSlug: string;
  question: string;
  multiple: boolean;
  maxChoices: number;
  closesAt: string | null;
  closed: boolean;
  resultsVisibility: ResultsVisibility;
  whoMayVote: WhoMayVote;
  resultsVisible: boolean;
  /** what still hides the results from this voter: "vote", "close", or null */
  resultsHiddenUntil: "vote" | "close" | null;
  options: OptionView[];
  totalVoters?: number;
  /** results split into signed-in and anonymous voters (on request, when results are visible) */
  split?: { signedIn: SplitGroup; anonymous: SplitGroup };
  /** this voter's choice, or null */
  myVote: string[] | null;
}

export async function readTotals(db: Db, pollIds: string[]): Promise<Map<string, PollTotals>> {
  const out = new Map<string, PollTotals>();
  if (pollIds.length === 0) return out;
  const rows = await db
    .select({
      pollId: pollOptions.pollId,
      id: pollOptions.id,
      count: pollOptions.voteCount,
      signedIn: pollOptions.signedInCount,
      totalVoters: polls.totalVoters,
    })
    .from(pollOptions)
    .innerJoin(polls, eq(polls.id, pollOptions.pollId))
    .where(inArray(pollOptions.pollId, pollIds));
  for (const r of rows) {
    let t = out.get(r.pollId);
    if (!t) out.set(r.pollId, (t = { totalVoters: r.totalVoters, options: new Map() }));
    t.options.set(r.id, { count: r.count, signedIn: r.signedIn });
  }
  return out;
}

export async function readVotesOf(
  db: Db,
  pollIds: string[],
  voterKey: string | null,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!voterKey || pollIds.length === 0) return out;
  const rows = await db
    .select({ pollId: pollVotes.pollId, optionIds: pollVotes.optionIds })
    .from(pollVotes)
    .where(and(eq(pollVotes.voterKey, voterKey), inArray(pollVotes.pollId, pollIds)));
  for (const r of rows) out.set(r.pollId, r.optionIds);
  return out;
}

/** Signed-in voters of a poll: the sum of signed-in counts for one choice, counted rows for several. */
async function signedInVoters(db: Db, def: PollDef, totals: PollTotals): Promise<number> {
  if (!def.multiple) return [...totals.options.values()].reduce((a, o) => a + o.signedIn, 0);
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pollVotes)
    .where(and(eq(pollVotes.pollId, def.id), gte(pollVotes.voterKey, "u:"), lt(pollVotes.voterKey, "u;")));
  return r.n;
}

/** Counts and percentages of every option (what the live channel sends and the API shows). */
export function resultFigures(def: PollDef, totals: PollTotals | undefined) {
  const voters = totals?.totalVoters ?? 0;
  return {
    totalVoters: voters,
    options: def.options.map((o) => {
      const count = totals?.options.get(o.id)?.count ?? 0;
      return { id: o.id, count, percent: percentOf(count, voters) };
    }),
  };
}

export async function buildView(
  db: Db,
  def: PollDef,
  totals: PollTotals | undefined,
  myVote: string[] | null,
  opts: { split?: boolean; now?: Date } = {},
): Promise<PollView> {
  const now = opts.now ?? new Date();
  const hidden = resultsHiddenUntil(def, myVote != null, now);
  const view: PollView = {
    id: def.id,
    articleSlug: def.articleSlug,
    question: def.question,
    multiple: def.multiple,
    maxChoices: choiceLimit(def),
    closesAt: def.closesAt?.toISOString() ?? null,
    closed: isClosed(def, now),
    resultsVisibility: def.resultsVisibility,
    whoMayVote: def.whoMayVote,
    resultsVisible: hidden === null,
    resultsHiddenUntil: hidden,
    options: def.options.map((o) => ({ id: o.id, label: o.label })),
    myVote,
  };
  if (hidden !== null) return view;
  const figures = resultFigures(def, totals);
  view.totalVoters = figures.totalVoters;
  view.options = def.options.map((o, i) => ({
    ...o,
    count: figures.options[i].count,
    percent: figures.options[i].percent,
  }));
  if (opts.split && totals) {
    const si = await signedInVoters(db, def, totals);
    const an = Math.max(0, figures.totalVoters - si);
    const group = (voters: number, pick: (t: OptionTotals) => number): SplitGroup => ({
      voters,
      options: def.options.map((o) => {
        const t = totals.options.get(o.id) ?? { count: 0, signedIn: 0 };
        return { id: o.id, count: pick(t), percent: percentOf(pick(t), voters) };
      }),
    });
    view.split = {
      signedIn: group(si, (t) => t.signedIn),
      anonymous: group(an, (t) => t.count - t.signedIn),
    };
  }
  return view;
}

/** Views of several polls for one voter (the article's polls). */
export async function buildViews(
  db: Db,
  defs: PollDef[],
  voterKey: string | null,
  opts: { split?: boolean } = {},
): Promise<PollView[]> {
  const ids = defs.map((d) => d.id);
  const [totals, mine] = await Promise.all([readTotals(db, ids), readVotesOf(db, ids, voterKey)]);
  return Promise.all(defs.map((d) => buildView(db, d, totals.get(d.id), mine.get(d.id) ?? null, opts)));
}
