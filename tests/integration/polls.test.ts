// Polls on a real database (PostgreSQL with DATABASE_URL, else PGlite): concurrency of the totals,
// visibility rules, close time, bad input, withdrawal, the split, the live channel, the merge of an
// anonymous voter into an account, and the functions the comments list uses.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { articles, pollOptions, polls, pollVotes, questions, users } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { toViewer, type Viewer } from "@/lib/auth/viewer";
import { articlePollDefinitions, forgetPollDefinitions } from "@/lib/polls/definitions";
import { listenToArticlePolls, type PollTotalsEvent } from "@/lib/polls/live";
import { pollForVoter, votePoll, withdrawPollVote } from "@/lib/polls/service";
import { articlePollEvents } from "@/lib/polls/stream";
import { userIdsWhoVoted, votedOptionCondition, votedOptionsFor } from "@/lib/polls/tags";
import { castVote } from "@/lib/polls/votes";
import { anonKey, newAnonId, userKey } from "@/lib/voter/identity";
import { mergeAnonymousIntoAccount } from "@/lib/voter/merge";
import { createTestDb, dbKindLabel, onPostgres, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";

const SLUG = "will-russia-defend-maduro";

let t: TestDb;
let db: Db;
let questionId: string;
let ipCounter = 0;
const ip = () => `ip-${++ipCounter}`;
const anon = () => ({ key: anonKey(newAnonId()), viewer: null });

async function makeUser(name: string, opts: { showPollTag?: boolean } = {}): Promise<Viewer> {
  const [u] = await db
    .insert(users)
    .values({
      name,
      email: `${name}-${randomUUID().slice(0, 8)}@example.test`,
      emailVerified: new Date(),
      showPollTag: opts.showPollTag ?? true,
    })
    .returning();
  return toViewer(u, "session");
}

let position = 10;
async function makePoll(
  opts: Partial<typeof polls.$inferInsert> & { options?: string[] } = {},
): Promise<{ id: string; options: string[] }> {
  const { options = ["A", "B", "C"], ...rest } = opts;
  const [p] = await db
    .insert(polls)
    .values({ questionId, position: position++, question: "Test poll?", ...rest })
    .returning({ id: polls.id });
  const opts2 = await db
    .insert(pollOptions)
    .values(options.map((label, i) => ({ pollId: p.id, position: i, label })))
    .returning({ id: pollOptions.id, position: pollOptions.position });
  forgetPollDefinitions();
  return { id: p.id, options: opts2.sort((a, b) => a.position - b.position).map((o) => o.id) };
}

/** The stored counters against a recount of the stored votes. */
async function recount(pollId: string) {
  const [p] = await db.select().from(polls).where(eq(polls.id, pollId));
  const opts = await db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId));
  const votes = await db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId));
  const counted = new Map(opts.map((o) => [o.id, { votes: 0, signedIn: 0 }]));
  for (const v of votes)
    for (const id of v.optionIds) {
      const c = counted.get(id)!;
      c.votes++;
      if (v.voterKey.startsWith("u:")) c.signedIn++;
    }
  return {
    stored: {
      totalVoters: p.totalVoters,
      options: Object.fromEntries(opts.map((o) => [o.id, { votes: o.voteCount, signedIn: o.signedInCount }])),
    },
    counted: { totalVoters: votes.length, options: Object.fromEntries(counted) },
  };
}

async function expectConsistent(pollId: string) {
  const r = await recount(pollId);
  expect(r.stored).toEqual(r.counted);
  return r.counted;
}

/** What the API answers for a refused call (the named error's kind → its one HTTP status). */
const errorOf = failureOf;

describe(`polls (${dbKindLabel})`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    const r = await seedContent(db);
    expect(r.errors).toEqual([]);
    const [a] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, SLUG));
    [{ id: questionId }] = await db
      .select({ id: questions.id })
      .from(questions)
      .where(eq(questions.articleId, a.id));
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("lists the seed article's polls: anyone may vote, one choice, results after voting", async () => {
    const defs = await articlePollDefinitions(db, SLUG);
    expect(defs?.length).toBe(2);
    for (const d of defs!) {
      expect(d.whoMayVote).toBe("anyone");
      expect(d.multiple).toBe(false);
      expect(d.resultsVisibility).toBe("after_vote");
    }
    expect(defs![0].options.map((o) => o.label)).toEqual([
      "A genuine commitment to sovereignty",
      "A calculated move to counter Western influence",
      "Some of both",
      "Not sure",
    ]);
  });

  it("after_vote: results hidden until this voter votes, then counts and percentages", async () => {
    const p = await makePoll({ resultsVisibility: "after_vote" });
    const v = anon();
    const before = await pollForVoter(db, p.id, v.key);
    expect(before.resultsVisible).toBe(false);
    expect(before.resultsHiddenUntil).toBe("vote");
    expect(before.totalVoters).toBeUndefined();
    expect(before.options.every((o) => o.count === undefined && o.percent === undefined)).toBe(true);
    await votePoll(db, p.id, anon(), [p.options[0]], ip());
    await votePoll(db, p.id, anon(), [p.options[0]], ip());
    const { poll } = await votePoll(db, p.id, v, [p.options[1]], ip());
    expect(poll.resultsVisible).toBe(true);
    expect(poll.myVote).toEqual([p.options[1]]);
    expect(poll.totalVoters).toBe(3);
    expect(poll.options.map((o) => [o.count, o.percent])).toEqual([
      [2, 66.7],
      [1, 33.3],
      [0, 0],
    ]);
    // another reader who has not voted still sees nothing
    expect((await pollForVoter(db, p.id, anon().key)).options[0].count).toBeUndefined();
  });

  it("always: results visible before voting; after_close: hidden until the close, even after voting", async () => {
    const always = await makePoll({ resultsVisibility: "always" });
    await votePoll(db, always.id, anon(), [always.options[2]], ip());
    const seen = await pollForVoter(db, always.id, null);
    expect(seen.resultsVisible).toBe(true);
    expect(seen.options[2].count).toBe(1);

    const later = await makePoll({
      resultsVisibility: "after_close",
      closesAt: new Date(Date.now() + 3600_000),
    });
    const v = anon();
    const { poll } = await votePoll(db, later.id, v, [later.options[0]], ip());
    expect(poll.myVote).toEqual([later.options[0]]);
    expect(poll.resultsVisible).toBe(false);
    expect(poll.resultsHiddenUntil).toBe("close");
    expect(poll.totalVoters).toBeUndefined();
    await db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, later.id));
    forgetPollDefinitions();
    const closed = await pollForVoter(db, later.id, null);
    expect(closed.closed).toBe(true);
    expect(closed.resultsVisible).toBe(true);
    expect(closed.totalVoters).toBe(1);
    expect(closed.options[0].count).toBe(1);
  });

  it("close time: votes until the close; afterwards no vote, change or withdrawal (409), final results for all", async () => {
    const p = await makePoll({ closesAt: new Date(Date.now() + 3600_000) });
    const v = anon();
    await votePoll(db, p.id, v, [p.options[0]], ip());
    await db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1) })
      .where(eq(polls.id, p.id));
    forgetPollDefinitions();
    for (const attempt of [
      () => votePoll(db, p.id, v, [p.options[1]], ip()),
      () => votePoll(db, p.id, anon(), [p.options[1]], ip()),
      () => withdrawPollVote(db, p.id, v, ip()),
    ]) {
      const e = await errorOf(attempt());
      expect(e.status).toBe(409);
      expect(e.code).toBe("poll_closed");
      expect(e.message).toMatch(/closed on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    }
    const final = await pollForVoter(db, p.id, null);
    expect(final.closed).toBe(true);
    expect(final.resultsVisible).toBe(true); // after_vote polls show final results to everyone once closed
    expect(final.options.map((o) => o.count)).toEqual([1, 0, 0]);
    await expectConsistent(p.id);
  });

  it("refuses bad input with a clear message and stores nothing", async () => {
    const p = await makePoll();
    const multi = await makePoll({ multiple: true, maxChoices: 2, options: ["W", "X", "Y", "Z"] });
    const other = await makePoll();
    const v = anon();
    const cases: [() => Promise<unknown>, number, string, RegExp][] = [
      [
        () => votePoll(db, p.id, v, [other.options[0]], ip()),
        422,
        "invalid_option",
        /not an option of this poll/,
      ],
      [
        () => votePoll(db, p.id, v, [p.options[0], p.options[1]], ip()),
        422,
        "too_many_options",
        /takes one choice/,
      ],
      [
        () => votePoll(db, multi.id, v, multi.options.slice(0, 3), ip()),
        422,
        "too_many_options",
        /at most 2 choices; you sent 3/,
      ],
      [() => votePoll(db, p.id, v, [], ip()), 422, "empty_choice", /choose at least one option/],
      [() => votePoll(db, p.id, v, [p.options[0], p.options[0]], ip()), 422, "duplicate_option", /only once/],
      [() => votePoll(db, p.id, v, ["not-a-uuid"], ip()), 422, "invalid_option", /not an option/],
      [() => votePoll(db, randomUUID(), v, [p.options[0]], ip()), 404, "not_found", /no poll/],
      [() => votePoll(db, "nope", v, [p.options[0]], ip()), 404, "not_found", /no poll/],
    ];
    for (const [attempt, status, code, message] of cases) {
      const e = await errorOf(attempt());
      expect([e.status, e.code]).toEqual([status, code]);
      expect(e.message).toMatch(message);
    }
    for (const id of [p.id, multi.id, other.id]) {
      const c = await expectConsistent(id);
      expect(c.totalVoters).toBe(0);
    }
    // a valid multiple choice is stored in the poll's option order
    const { poll } = await votePoll(db, multi.id, v, [multi.options[3], multi.options[1]], ip());
    expect(poll.myVote).toEqual([multi.options[1], multi.options[3]]);
    expect(poll.options.map((o) => o.count)).toEqual([0, 1, 0, 1]);
    expect(poll.totalVoters).toBe(1);
    expect(poll.options[1].percent).toBe(100);
  });

  it("signed_in polls refuse anonymous voters (401) and count accounts", async () => {
    const p = await makePoll({ whoMayVote: "signed_in" });
    const e = await errorOf(votePoll(db, p.id, anon(), [p.options[0]], ip()));
    expect([e.status, e.code]).toEqual([401, "sign_in_required"]);
    const u = await makeUser("signedin");
    const { poll } = await votePoll(db, p.id, { key: userKey(u.id), viewer: u }, [p.options[0]], ip());
    expect(poll.totalVoters).toBe(1);
    const suspended = { ...(await makeUser("suspended")), status: "suspended" as const };
    const s = await errorOf(
      votePoll(db, p.id, { key: userKey(suspended.id), viewer: suspended }, [p.options[0]], ip()),
    );
    expect([s.status, s.code]).toEqual([403, "account_restricted"]);
    await expectConsistent(p.id);
  });

  it("changes and withdrawals move the totals; the same choice again changes nothing", async () => {
    const p = await makePoll();
    const v = anon();
    const first = await votePoll(db, p.id, v, [p.options[0]], ip());
    expect(first.created).toBe(true);
    const again = await votePoll(db, p.id, v, [p.options[0]], ip());
    expect([again.created, again.changed]).toEqual([false, false]);
    const change = await votePoll(db, p.id, v, [p.options[2]], ip());
    expect([change.created, change.changed]).toEqual([false, true]);
    expect(change.poll.options.map((o) => o.count)).toEqual([0, 0, 1]);
    const w = await withdrawPollVote(db, p.id, v, ip());
    expect(w.withdrawn).toBe(true);
    expect(w.poll.myVote).toBeNull();
    expect(w.poll.resultsVisible).toBe(false);
    expect((await withdrawPollVote(db, p.id, v, ip())).withdrawn).toBe(false);
    const c = await expectConsistent(p.id);
    expect(c.totalVoters).toBe(0);
  });

  it("opposite switches by two voters in a loop: no deadlock, no error, exact totals", async () => {
    const p = await makePoll({ options: ["A", "B"] });
    const [A, B] = p.options;
    const v1 = anon();
    const v2 = anon();
    await castVote(db, { pollId: p.id, voterKey: v1.key, userId: null, optionIds: [A] });
    await castVote(db, { pollId: p.id, voterKey: v2.key, userId: null, optionIds: [B] });
    const rounds = onPostgres ? 200 : 40;
    for (let i = 0; i < rounds; i++) {
      const [x, y] = i % 2 === 0 ? [B, A] : [A, B];
      const results = await Promise.allSettled([
        castVote(db, { pollId: p.id, voterKey: v1.key, userId: null, optionIds: [x] }),
        castVote(db, { pollId: p.id, voterKey: v2.key, userId: null, optionIds: [y] }),
        castVote(db, { pollId: p.id, voterKey: v1.key, userId: null, optionIds: [y] }),
        castVote(db, { pollId: p.id, voterKey: v2.key, userId: null, optionIds: [x] }),
      ]);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    }
    const c = await expectConsistent(p.id);
    expect(c.totalVoters).toBe(2);
    expect(c.options[A].votes + c.options[B].votes).toBe(2);
  });

  it("500 concurrent voters across options: totals exactly equal the stored votes", async () => {
    const p = await makePoll({ options: ["A", "B", "C", "D"] });
    const n = 500;
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) => votePoll(db, p.id, anon(), [p.options[i % 4]], ip())),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const c = await expectConsistent(p.id);
    expect(c.totalVoters).toBe(n);
    expect(p.options.map((id) => c.options[id].votes)).toEqual([125, 125, 125, 125]);
  });

  it("100 concurrent vote changes by the same voter: exactly one vote counted", async () => {
    const p = await makePoll({ multiple: true, maxChoices: 2, options: ["A", "B", "C", "D"] });
    const v = anon();
    const choices = (i: number) =>
      i % 3 === 0 ? [p.options[i % 4], p.options[(i + 1) % 4]] : [p.options[i % 4]];
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => votePoll(db, p.id, v, choices(i), ip())),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.select().from(pollVotes).where(eq(pollVotes.pollId, p.id));
    expect(rows.length).toBe(1);
    const c = await expectConsistent(p.id);
    expect(c.totalVoters).toBe(1);
    const counted = Object.entries(c.options).filter(([, o]) => o.votes > 0);
    expect(counted.map(([id]) => id).sort()).toEqual([...rows[0].optionIds].sort());
    expect(counted.every(([, o]) => o.votes === 1)).toBe(true);
  });

  it("splits results into signed-in and anonymous voters on demand", async () => {
    const single = await makePoll();
    const multi = await makePoll({ multiple: true, maxChoices: 3 });
    const u1 = await makeUser("split1");
    const u2 = await makeUser("split2");
    for (const p of [single, multi]) {
      await votePoll(db, p.id, { key: userKey(u1.id), viewer: u1 }, [p.options[0]], ip());
      await votePoll(db, p.id, { key: userKey(u2.id), viewer: u2 }, [p.options[1]], ip());
      await votePoll(db, p.id, anon(), [p.options[0]], ip());
    }
    await votePoll(db, multi.id, anon(), [multi.options[0], multi.options[2]], ip());
    const s = await pollForVoter(db, single.id, userKey(u1.id), { split: true });
    expect(s.split?.signedIn).toEqual({
      voters: 2,
      options: [
        { id: single.options[0], count: 1, percent: 50 },
        { id: single.options[1], count: 1, percent: 50 },
        { id: single.options[2], count: 0, percent: 0 },
      ],
    });
    expect(s.split?.anonymous.voters).toBe(1);
    expect(s.split?.anonymous.options[0]).toEqual({ id: single.options[0], count: 1, percent: 100 });
    const m = await pollForVoter(db, multi.id, userKey(u1.id), { split: true });
    expect(m.totalVoters).toBe(4);
    expect(m.split?.signedIn.voters).toBe(2);
    expect(m.split?.anonymous.voters).toBe(2);
    expect(m.split?.anonymous.options.map((o) => o.count)).toEqual([2, 0, 1]);
    // never without visible results
    expect((await pollForVoter(db, single.id, anon().key, { split: true })).split).toBeUndefined();
  });

  it("anonymous to account: the vote follows the account without counting twice", async () => {
    const p1 = await makePoll();
    const p2 = await makePoll();
    const p3 = await makePoll();
    const u = await makeUser("merger");
    const acct = { key: userKey(u.id), viewer: u };
    const anonId = newAnonId();
    const a = { key: anonKey(anonId), viewer: null };
    // p1: only the anonymous vote; p2: both, the anonymous one newer; p3: both, the account's newer
    await votePoll(db, p1.id, a, [p1.options[0]], ip());
    await votePoll(db, p2.id, acct, [p2.options[0]], ip());
    await votePoll(db, p2.id, a, [p2.options[1]], ip());
    await votePoll(db, p3.id, a, [p3.options[1]], ip());
    await db
      .update(pollVotes)
      .set({ updatedAt: sql`now() - interval '1 hour'` })
      .where(eq(pollVotes.voterKey, a.key));
    await db
      .update(pollVotes)
      .set({ updatedAt: sql`now() - interval '2 hours'` })
      .where(and(eq(pollVotes.voterKey, acct.key), eq(pollVotes.pollId, p2.id)));
    await votePoll(db, p3.id, acct, [p3.options[2]], ip());

    const r = await mergeAnonymousIntoAccount(db, anonId, u.id);
    expect(r.polls.sort()).toEqual([p1.id, p2.id, p3.id].sort());
    const mine = async (id: string) => (await pollForVoter(db, id, acct.key)).myVote;
    expect(await mine(p1.id)).toEqual([p1.options[0]]);
    expect(await mine(p2.id)).toEqual([p2.options[1]]);
    expect(await mine(p3.id)).toEqual([p3.options[2]]);
    for (const p of [p1, p2, p3]) {
      const c = await expectConsistent(p.id);
      expect(c.totalVoters).toBe(1);
      expect(Object.values(c.options).reduce((x, o) => x + o.signedIn, 0)).toBe(1);
    }
    expect(await db.select().from(pollVotes).where(eq(pollVotes.voterKey, a.key))).toEqual([]);
    // a second merge finds nothing to move
    expect(await mergeAnonymousIntoAccount(db, anonId, u.id)).toEqual({ polls: [], articles: [] });
  });

  it("publishes live totals to listeners of the article", async () => {
    const p = await makePoll({ resultsVisibility: "always" });
    const got: PollTotalsEvent[] = [];
    const stop = await listenToArticlePolls(SLUG, (e) => {
      if (e.pollId === p.id) got.push(e);
    });
    try {
      await votePoll(db, p.id, anon(), [p.options[1]], ip());
      await expect.poll(() => got.at(-1)?.totalVoters, { timeout: 5000 }).toBe(1);
      const e = got.at(-1)!;
      expect(e.articleSlug).toBe(SLUG);
      expect(e.options.map((o) => [o.count, o.percent])).toEqual([
        [0, 0],
        [1, 100],
        [0, 0],
      ]);
      // a burst is folded into at most a few messages, and the last one carries the final totals
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => votePoll(db, p.id, anon(), [p.options[i % 3]], ip())),
      );
      await expect.poll(() => got.at(-1)?.totalVoters, { timeout: 5000 }).toBe(31);
      expect(got.length).toBeLessThan(10);
    } finally {
      stop();
    }
  });

  it("streams live totals only of the polls whose results this reader may see", async () => {
    const [p1, p2] = (await articlePollDefinitions(db, SLUG))!;
    const v = anon();
    await votePoll(db, p1.id, v, [p1.options[0].id], ip());
    const ctrl = new AbortController();
    const reader = (await articlePollEvents(db, SLUG, v.key, ctrl.signal)).getReader();
    const dec = new TextDecoder();
    let text = "";
    let stopWatch: (() => void) | undefined;
    const readUntil = async (re: RegExp) => {
      while (!re.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += dec.decode(value);
      }
    };
    try {
      await readUntil(/event: ready\ndata: .*\n\n/);
      const ready = JSON.parse(text.match(/event: ready\ndata: (.*)\n\n/)![1]).polls as string[];
      expect(ready).toContain(p1.id); // voted: results visible
      expect(ready).not.toContain(p2.id); // not voted: hidden
      // results hidden from this reader: its stream must drop p2's totals. They are announced to every
      // listener of the article at once, so once this watcher has them, the stream has had them too
      let p2Announced!: () => void;
      const announced = new Promise<void>((r) => (p2Announced = r));
      stopWatch = await listenToArticlePolls(SLUG, (e) => e.pollId === p2.id && p2Announced());
      await votePoll(db, p2.id, anon(), [p2.options[0].id], ip());
      await announced;
      await votePoll(db, p1.id, anon(), [p1.options[1].id], ip());
      // (the stream may first carry the totals of v's own vote, announced just before it opened)
      await readUntil(/event: totals\ndata: [^\n]*"totalVoters":2[^\n]*\n\n/);
      const events = [...text.matchAll(/event: totals\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]));
      const data = events.at(-1);
      expect(data.pollId).toBe(p1.id);
      expect(data.totalVoters).toBe(2);
      expect(data.options.map((o: { count: number }) => o.count)).toEqual([1, 1, 0, 0]);
      expect(text).not.toContain(p2.id);
    } finally {
      stopWatch?.();
      ctrl.abort();
      await reader.cancel().catch(() => {});
    }
    // an unknown article is a 404
    const e = await errorOf(articlePollEvents(db, "no-such-article", null, ctrl.signal));
    expect(e.status).toBe(404);
  });

  it("votedOptionsFor and userIdsWhoVoted: signed-in votes only, honouring show_poll_tag", async () => {
    const p = await makePoll({ multiple: true, maxChoices: 2 });
    const q = await makePoll();
    const shown = await makeUser("shown");
    const hidden = await makeUser("hidden", { showPollTag: false });
    const other = await makeUser("other");
    await votePoll(db, p.id, { key: userKey(shown.id), viewer: shown }, [p.options[2], p.options[0]], ip());
    await votePoll(db, q.id, { key: userKey(shown.id), viewer: shown }, [q.options[1]], ip());
    await votePoll(db, p.id, { key: userKey(hidden.id), viewer: hidden }, [p.options[0]], ip());
    await votePoll(db, p.id, anon(), [p.options[0]], ip());

    const tags = await votedOptionsFor(db, [p.id, q.id], [shown.id, hidden.id, other.id, shown.id]);
    expect([...tags.keys()]).toEqual([shown.id]);
    expect(tags.get(shown.id)).toEqual([
      { pollId: p.id, optionIds: [p.options[0], p.options[2]], labels: ["A", "C"] },
      { pollId: q.id, optionIds: [q.options[1]], labels: ["B"] },
    ]);
    expect(await votedOptionsFor(db, [], [shown.id])).toEqual(new Map());

    expect(await userIdsWhoVoted(db, p.options[0])).toEqual([shown.id]);
    expect(await userIdsWhoVoted(db, p.options[1])).toEqual([]);
    expect(await userIdsWhoVoted(db, q.options[1])).toEqual([shown.id]);
    expect(await userIdsWhoVoted(db, "not-an-id")).toEqual([]);

    // the same filter as a condition on a user-id column (what a comments query would use)
    const viaCondition = await db
      .select({ id: users.id })
      .from(users)
      .where(votedOptionCondition(p.options[0], users.id));
    expect(viaCondition.map((r) => r.id)).toEqual([shown.id]);

    // turning the tag off hides the vote from both
    await db.update(users).set({ showPollTag: false }).where(eq(users.id, shown.id));
    expect((await votedOptionsFor(db, [p.id], [shown.id])).size).toBe(0);
    expect(await userIdsWhoVoted(db, p.options[0])).toEqual([]);
  });
});
