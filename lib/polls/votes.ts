// Casting, changing and withdrawing poll votes. One row per voter per poll (poll_votes, unique on
// poll_id + voter_key); the totals on polls.total_voters and poll_options.vote_count/signed_in_count move
// in the same transaction, so reads never count rows and concurrent votes never lose an increment.
//
// Lock order, the same in every transaction that touches poll totals (votes, withdrawals, merges):
//   1. the voter's own poll_votes row(s), 2. the polls row, 3. the poll_options rows in id order.
// With one global order there is no lock cycle (A→B by one voter while another goes B→A cannot
// deadlock); PostgreSQL's deadlock/serialization aborts are still retried (lib/db.ts), never a 500.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pollOptions, polls, pollVotes } from "@/db/schema";
import { retryOnConflict, rowsOf, type Tx, transactionWithRetry } from "@/lib/db";
import { isSignedInKey, userKey } from "@/lib/voter/identity";
import type { PollTotals } from "./results";
import { sameChoice } from "./rules";

/**
 * Poll votes commit without waiting for the WAL flush (synchronous_commit = off for these transactions
 * only): the hot poll and option rows would otherwise stay locked for a disk flush per vote. A crash may
 * lose the last fraction of a second of votes, whole transactions at a time, so totals always equal
 * the stored votes (docs/decisions/030-poll-votes-and-totals.md). AGORA_POLL_SYNC_COMMIT=1 turns this off.
 */
function relaxCommit(tx: Tx): PromiseLike<unknown> | null {
  return process.env.AGORA_POLL_SYNC_COMMIT === "1"
    ? null
    : tx.execute(sql`set local synchronous_commit = off`);
}

/** Per-option changes: voters and signed-in voters. */
type Deltas = Map<string, { votes: number; signedIn: number }>;

function add(d: Deltas, ids: readonly string[], votes: number, signedIn: number) {
  for (const id of ids) {
    const cur = d.get(id) ?? { votes: 0, signedIn: 0 };
    cur.votes += votes;
    cur.signedIn += signedIn;
    d.set(id, cur);
  }
}

/**
 * Moves the totals: the poll row first (only when the number of voters changes), then the options in
 * id order. The statements are issued together (pipelined on the transaction's connection, executed in
 * order), so the hot rows stay locked for as short a time as possible.
 */
async function applyTotals(tx: Tx, pollId: string, deltas: Deltas, voterDelta: number): Promise<void> {
  const statements: PromiseLike<unknown>[] = [];
  if (voterDelta !== 0)
    statements.push(
      tx
        .update(polls)
        .set({ totalVoters: sql`${polls.totalVoters} + ${voterDelta}` })
        .where(eq(polls.id, pollId)),
    );
  for (const id of [...deltas.keys()].sort()) {
    const { votes, signedIn } = deltas.get(id)!;
    if (votes === 0 && signedIn === 0) continue;
    statements.push(
      tx
        .update(pollOptions)
        .set({
          voteCount: sql`${pollOptions.voteCount} + ${votes}`,
          signedInCount: sql`${pollOptions.signedInCount} + ${signedIn}`,
        })
        .where(and(eq(pollOptions.id, id), eq(pollOptions.pollId, pollId))),
    );
  }
  await Promise.all(statements);
}

export interface VoteOutcome {
  /** a new voter (not a change) */
  created: boolean;
  /** whether anything changed (false when the same choice was sent again) */
  changed: boolean;
  optionIds: string[];
  /** the poll's totals right after a first vote (the single-statement path answers them) */
  totals?: PollTotals;
}

interface VoteInput {
  pollId: string;
  voterKey: string;
  userId: string | null;
  optionIds: string[];
  ipHash?: string | null;
}

type Pair = [string, number, number];
const parseJson = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

/**
 * A first vote, as ONE statement (its own transaction, committed in the same round trip): the vote row,
 * then the poll row, then the option rows in id order, each step gated on the one before. The hot poll
 * and option rows are thus locked only while PostgreSQL executes and commits this statement, never
 * across a network round trip, which is what lets many voters share one poll. Answers the poll's
 * totals as this vote left them (other options as of the statement's start), or null when this voter
 * already has a vote in the poll (nothing is changed then).
 */
async function insertFirstVote(db: Db, v: VoteInput): Promise<PollTotals | null> {
  return firstVoteBatcher(db, v.pollId).add(v);
}

// First votes on one poll are grouped: while one statement for the poll is running, the first votes that
// arrive wait and then go together in the next one (group commit, up to MAX_BATCH). A vote on an idle
// poll runs at once, alone. Every vote of a batch lands (or fails) with its statement, exactly as if it
// had run alone; what grouping saves is the queue of transactions waiting for the poll's rows, which
// under load cost PostgreSQL more than the votes themselves (docs/decisions/030-poll-votes-and-totals.md).
const MAX_BATCH = 64;

interface Waiting {
  v: VoteInput;
  resolve: (t: PollTotals | null) => void;
  reject: (e: unknown) => void;
}

interface Batcher {
  add(v: VoteInput): Promise<PollTotals | null>;
}

const batchers = new WeakMap<Db, Map<string, Batcher>>();

function firstVoteBatcher(db: Db, pollId: string): Batcher {
  let byPoll = batchers.get(db);
  if (!byPoll) batchers.set(db, (byPoll = new Map()));
  let b = byPoll.get(pollId);
  if (b) return b;
  let running = false;
  let queue: Waiting[] = [];
  const run = async () => {
    running = true;
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const results = await retryOnConflict(() =>
          insertFirstVotes(
            db,
            pollId,
            batch.map((w) => w.v),
          ),
        );
        batch.forEach((w, i) => {
          w.resolve(results[i]);
        });
      } catch (e) {
        if (batch.length === 1) batch[0].reject(e);
        // one vote's own problem (say, its account deleted meanwhile) must not fail the others: alone
        else
          await Promise.all(
            batch.map((w) =>
              retryOnConflict(() => insertFirstVotes(db, pollId, [w.v])).then(
                (r) => w.resolve(r[0]),
                w.reject,
              ),
            ),
          );
      }
    }
    running = false;
    byPoll.delete(pollId);
  };
  b = {
    add(v) {
      return new Promise<PollTotals | null>((resolve, reject) => {
        queue.push({ v, resolve, reject });
        if (!running) void run();
      });
    },
  };
  byPoll.set(pollId, b);
  return b;
}

/**
 * One statement for first votes on one poll: inserts those whose voter has no vote in the poll yet, adds
 * them to the poll's voter count and to each chosen option (rows locked in id order), and answers the
 * totals. For each vote: the totals after the statement, or null when that voter already had a vote
 * (or appears twice in the batch: the first one counts).
 */
async function insertFirstVotes(db: Db, pollId: string, votes: VoteInput[]): Promise<(PollTotals | null)[]> {
  const relaxed = process.env.AGORA_POLL_SYNC_COMMIT === "1" ? "on" : "off";
  const rows = sql.join(
    votes.map(
      (v, i) =>
        sql`(${i}::int, ${v.voterKey}::text, ${v.userId}::text, ${JSON.stringify(v.optionIds)}::jsonb, ${v.ipHash ?? null}::text, ${isSignedInKey(v.voterKey) ? 1 : 0}::int)`,
    ),
    sql`, `,
  );
  const [row] = await rowsOf<{
    total: number | null;
    inserted: unknown;
    changed: unknown;
    before: unknown;
  }>(
    db,
    sql`
      with cfg as (select set_config('synchronous_commit', ${relaxed}, true)),
      v (idx, voter_key, user_id, option_ids, ip_hash, s) as (values ${rows}),
      ins as (
        insert into ${pollVotes} (poll_id, voter_key, user_id, option_ids, ip_hash)
        select ${pollId}, v.voter_key, v.user_id, v.option_ids, v.ip_hash
        from v, cfg
        order by v.idx
        on conflict (poll_id, voter_key) do nothing
        returning voter_key, option_ids
      ),
      p as (
        update ${polls} set total_voters = total_voters + (select count(*) from ins)::int
        where id = ${pollId} and exists (select 1 from ins)
        returning total_voters
      ),
      d as (
        select o.id::uuid as id, count(*)::int as n,
          sum(case when ins.voter_key like 'u:%' then 1 else 0 end)::int as sn
        from ins cross join lateral jsonb_array_elements_text(ins.option_ids) as o(id)
        group by o.id
      ),
      locked as (
        select id from ${pollOptions}
        where id in (select id from d) and poll_id = ${pollId} and exists (select 1 from p)
        order by id
        for update
      ),
      o as (
        update ${pollOptions} po set vote_count = po.vote_count + d.n, signed_in_count = po.signed_in_count + d.sn
        from d where po.id = d.id and po.id in (select id from locked)
        returning po.id, po.vote_count, po.signed_in_count
      )
      select (select total_voters from p) as total,
        (select json_agg(voter_key) from ins) as inserted,
        (select json_agg(json_build_array(id, vote_count, signed_in_count)) from o) as changed,
        (select json_agg(json_build_array(id, vote_count, signed_in_count)) from ${pollOptions}
          where poll_id = ${pollId}) as before`,
  );
  if (row?.total == null) return votes.map(() => null);
  const options = new Map<string, { count: number; signedIn: number }>();
  for (const [id, count, signedIn] of [
    ...(parseJson<Pair[] | null>(row.before) ?? []),
    ...(parseJson<Pair[] | null>(row.changed) ?? []),
  ])
    options.set(id, { count, signedIn });
  const totals: PollTotals = { totalVoters: Number(row.total), options };
  const inserted = new Set(parseJson<string[] | null>(row.inserted) ?? []);
  // a voter twice in one batch: only the first of them was inserted
  const seen = new Set<string>();
  return votes.map((v) => {
    if (!inserted.has(v.voterKey) || seen.has(v.voterKey)) return null;
    seen.add(v.voterKey);
    return { totalVoters: totals.totalVoters, options: new Map(totals.options) };
  });
}

/**
 * Records `optionIds` (already checked by normaliseChoice) as this voter's choice in the poll: a new vote
 * or a change. Idempotent for the same choice.
 */
export async function castVote(db: Db, input: VoteInput): Promise<VoteOutcome> {
  const { pollId, voterKey, userId, optionIds } = input;
  const totals = await insertFirstVote(db, input);
  if (totals) return { created: true, changed: true, optionIds, totals };
  const s = isSignedInKey(voterKey) ? 1 : 0;
  return transactionWithRetry(db, async (tx) => {
    const relaxed = relaxCommit(tx);
    // a row deleted by a concurrent withdrawal between our two statements: insert again
    for (let attempt = 0; attempt < 5; attempt++) {
      // sent together with the SET (pipelined), executed in order
      const [, inserted] = await Promise.all([
        attempt === 0 ? relaxed : null,
        tx
          .insert(pollVotes)
          .values({ pollId, voterKey, userId, optionIds, ipHash: input.ipHash ?? null })
          .onConflictDoNothing({ target: [pollVotes.pollId, pollVotes.voterKey] })
          .returning({ id: pollVotes.id }),
      ]);
      if (inserted.length > 0) {
        const d: Deltas = new Map();
        add(d, optionIds, 1, s);
        await applyTotals(tx, pollId, d, 1);
        return { created: true, changed: true, optionIds };
      }
      const [old] = await tx
        .select({ id: pollVotes.id, optionIds: pollVotes.optionIds })
        .from(pollVotes)
        .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.voterKey, voterKey)))
        .for("update");
      if (!old) continue;
      if (sameChoice(old.optionIds, optionIds)) return { created: false, changed: false, optionIds };
      await tx
        .update(pollVotes)
        .set({ optionIds, updatedAt: new Date(), ...(input.ipHash ? { ipHash: input.ipHash } : {}) })
        .where(eq(pollVotes.id, old.id));
      const d: Deltas = new Map();
      add(d, old.optionIds, -1, -s);
      add(d, optionIds, 1, s);
      await applyTotals(tx, pollId, d, 0);
      return { created: false, changed: true, optionIds };
    }
    throw new Error("poll vote: the voter's row kept appearing and vanishing");
  });
}

/** Withdraws this voter's vote; returns the withdrawn choice, or null when there was none. */
export async function withdrawVote(
  db: Db,
  input: { pollId: string; voterKey: string },
): Promise<string[] | null> {
  const s = isSignedInKey(input.voterKey) ? 1 : 0;
  return transactionWithRetry(db, async (tx) => {
    await relaxCommit(tx);
    const [old] = await tx
      .delete(pollVotes)
      .where(and(eq(pollVotes.pollId, input.pollId), eq(pollVotes.voterKey, input.voterKey)))
      .returning({ optionIds: pollVotes.optionIds });
    if (!old) return null;
    const d: Deltas = new Map();
    add(d, old.optionIds, -1, -s);
    await applyTotals(tx, input.pollId, d, -1);
    return old.optionIds;
  });
}

/**
 * Inside a merge transaction: the anonymous voter's poll votes become the account's. Where both voted in
 * the same poll, the more recent choice wins and the poll counts one voter, not two. Returns the ids of
 * the polls whose totals changed.
 */
export async function mergePollVotesTx(tx: Tx, anonVoterKey: string, userId: string): Promise<string[]> {
  const acctKey = userKey(userId);
  const anonRows = await tx
    .select()
    .from(pollVotes)
    .where(eq(pollVotes.voterKey, anonVoterKey))
    .orderBy(pollVotes.pollId)
    .for("update");
  const changed: string[] = [];
  for (const anon of anonRows) {
    const [acct] = await tx
      .select()
      .from(pollVotes)
      .where(and(eq(pollVotes.pollId, anon.pollId), eq(pollVotes.voterKey, acctKey)))
      .for("update");
    const d: Deltas = new Map();
    if (!acct) {
      await tx
        .update(pollVotes)
        .set({ voterKey: acctKey, userId, updatedAt: new Date() })
        .where(eq(pollVotes.id, anon.id));
      add(d, anon.optionIds, 0, 1);
      await applyTotals(tx, anon.pollId, d, 0);
    } else {
      const anonNewer = anon.updatedAt.getTime() > acct.updatedAt.getTime();
      const final = anonNewer ? anon.optionIds : acct.optionIds;
      await tx.delete(pollVotes).where(eq(pollVotes.id, anon.id));
      if (anonNewer)
        await tx
          .update(pollVotes)
          .set({ optionIds: final, updatedAt: anon.updatedAt })
          .where(eq(pollVotes.id, acct.id));
      add(d, acct.optionIds, -1, -1);
      add(d, anon.optionIds, -1, 0);
      add(d, final, 1, 1);
      await applyTotals(tx, anon.pollId, d, -1);
    }
    changed.push(anon.pollId);
  }
  return changed;
}
