// What the routes and pages call: a poll (or an article's polls) as one voter sees it, voting and
// withdrawing with every rule applied (poll exists and is open, who may vote, a valid choice, the per-IP
// limit), and the live broadcast after a change.
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { anonVoteKey, consume, refund } from "@/lib/rate-limit";
import { articlePollDefinitions, pollDefinition } from "./definitions";
import { announceTotals } from "./live";
import { buildView, buildViews, type PollTotals, type PollView, readTotals } from "./results";
import { assertMayVote, normaliseChoice, type PollDef } from "./rules";
import { castVote, withdrawVote } from "./votes";

export const voteBodySchema = z.object({
  optionIds: z
    .array(
      z.string({ error: "each option id is a string" }).max(100, "an option id is at most 100 characters"),
      {
        error: 'send the chosen option ids as an array, e.g. {"optionIds": ["…"]}',
      },
    )
    .max(10, "a poll has at most 10 options"),
});

export interface PollVoter {
  key: string | null;
  viewer: Viewer | null;
}

function notFound(pollId: string): NotFound {
  return new NotFound(msg("Api.polls.thereIsNoPoll", { pollId: pollId.slice(0, 64) }));
}

export async function requirePoll(db: Db, pollId: string): Promise<PollDef> {
  const def = await pollDefinition(db, pollId);
  if (!def) throw notFound(pollId);
  return def;
}

export async function pollForVoter(
  db: Db,
  pollId: string,
  voterKey: string | null,
  opts: { split?: boolean } = {},
): Promise<PollView> {
  const def = await requirePoll(db, pollId);
  const [view] = await buildViews(db, [def], voterKey, opts);
  return view;
}

export async function articlePollsForVoter(
  db: Db,
  slug: string,
  voterKey: string | null,
): Promise<PollView[]> {
  const defs = await articlePollDefinitions(db, slug);
  if (!defs) throw new NotFound(msg("Api.polls.thereIsNoPublished", { slug: slug.slice(0, 200) }));
  return buildViews(db, defs, voterKey);
}

async function viewAfterChange(
  db: Db,
  def: PollDef,
  myVote: string[] | null,
  known?: PollTotals,
): Promise<PollView> {
  const totals = known ?? (await readTotals(db, [def.id])).get(def.id);
  return buildView(db, def, totals, myVote);
}

/**
 * Casts or changes a vote. Checks come first (nothing is stored or spent on a bad request), then the
 * per-IP limit, then the vote's transaction.
 */
export async function votePoll(
  db: Db,
  pollId: string,
  voter: PollVoter & { key: string },
  optionIds: string[],
  ipHash: string,
): Promise<{ poll: PollView; created: boolean; changed: boolean }> {
  const def = await requirePoll(db, pollId);
  assertMayVote(def, voter.viewer);
  const choice = normaliseChoice(def, optionIds);
  await consume("poll_vote_ip", ipHash);
  // a signed-out vote spends one of the network's few anonymous votes on this poll today; changing an
  // existing vote gives it back (hole 7: clearing the cookie and voting again)
  const anon = voter.viewer ? null : anonVoteKey(def.id, ipHash);
  if (anon) await consume("anon_vote", anon);
  let outcome: Awaited<ReturnType<typeof castVote>>;
  try {
    outcome = await castVote(db, {
      pollId: def.id,
      voterKey: voter.key,
      userId: voter.viewer?.id ?? null,
      optionIds: choice,
      ipHash,
    });
  } catch (e) {
    if (anon) await refund("anon_vote", anon);
    throw e;
  }
  if (anon && !outcome.created) await refund("anon_vote", anon);
  if (outcome.changed) announceTotals(def.id);
  return {
    poll: await viewAfterChange(db, def, choice, outcome.totals),
    created: outcome.created,
    changed: outcome.changed,
  };
}

/** Withdraws this voter's vote (nothing to withdraw is not an error: `withdrawn` says which). */
export async function withdrawPollVote(
  db: Db,
  pollId: string,
  voter: PollVoter,
  ipHash: string,
): Promise<{ poll: PollView; withdrawn: boolean }> {
  const def = await requirePoll(db, pollId);
  assertMayVote(def, voter.viewer);
  if (!voter.key) return { poll: await viewAfterChange(db, def, null), withdrawn: false };
  await consume("poll_vote_ip", ipHash);
  const old = await withdrawVote(db, { pollId: def.id, voterKey: voter.key });
  if (old) announceTotals(def.id);
  return { poll: await viewAfterChange(db, def, null), withdrawn: old != null };
}
