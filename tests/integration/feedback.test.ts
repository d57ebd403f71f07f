// Article rating and "was this helpful" on a real database: one answer of each per reader, changeable,
// counters equal to a recount under concurrency, imported history plus live answers, bad input, and
// the merge of an anonymous reader's answers into their account.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { articleFeedback, articles, users } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { statusOf, validate } from "@/lib/api/http";
import { toViewer } from "@/lib/auth/viewer";
import { type DomainError, Invalid } from "@/lib/errors";
import { publishedArticleId } from "@/lib/feedback/feedback";
import { feedbackBodySchema, feedbackFor, giveFeedback } from "@/lib/feedback/service";
import { anonKey, newAnonId, userKey } from "@/lib/voter/identity";
import { mergeAnonymousIntoAccount } from "@/lib/voter/merge";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";

const SLUG = "will-russia-defend-maduro";
let t: TestDb;
let db: Db;
let ip = 0;
const nextIp = () => `fb-ip-${++ip}`;
const anon = () => ({ key: anonKey(newAnonId()), viewer: null });

async function recount(slug: string) {
  const [a] = await db.select().from(articles).where(eq(articles.slug, slug));
  const rows = await db.select().from(articleFeedback).where(eq(articleFeedback.articleId, a.id));
  const rated = rows.filter((r) => r.rating != null);
  return {
    stored: {
      ratingSum: a.ratingSum,
      ratingCount: a.ratingCount,
      helpfulYes: a.helpfulYes,
      helpfulNo: a.helpfulNo,
    },
    counted: {
      ratingSum: rated.reduce((s, r) => s + r.rating!, 0),
      ratingCount: rated.length,
      helpfulYes: rows.filter((r) => r.helpful === true).length,
      helpfulNo: rows.filter((r) => r.helpful === false).length,
    },
  };
}

async function expectConsistent(slug = SLUG) {
  const r = await recount(slug);
  expect(r.stored).toEqual(r.counted);
  return r.counted;
}

describe(`article feedback (${dbKindLabel})`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    await seedContent(db);
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("shows imported history plus new answers, as the original page did", async () => {
    const start = await feedbackFor(db, SLUG, null);
    expect(start.stats).toMatchObject({ ratingAverage: 4.4, ratingVotes: 65, helpfulPercent: 88 });
    expect(start.mine).toEqual({ rating: null, helpful: null });
    const v = anon();
    const s1 = await giveFeedback(db, SLUG, v, { rating: 1 }, nextIp());
    // (4.4 * 65 + 1) / 66 = 4.348…
    expect(s1.stats).toMatchObject({ ratingAverage: 4.3, ratingVotes: 66, helpfulPercent: 88 });
    expect(s1.mine).toEqual({ rating: 1, helpful: null });
    const s2 = await giveFeedback(db, SLUG, v, { helpful: false }, nextIp());
    // (88 * 65 + 0) / 66 = 86.7
    expect(s2.stats.helpfulPercent).toBe(87);
    expect(s2.mine).toEqual({ rating: 1, helpful: false });
    // changeable, and a field left out is kept
    const s3 = await giveFeedback(db, SLUG, v, { rating: 5 }, nextIp());
    expect(s3.stats).toMatchObject({ ratingVotes: 66, helpfulPercent: 87 });
    expect(s3.mine).toEqual({ rating: 5, helpful: false });
    // null takes an answer back
    const s4 = await giveFeedback(db, SLUG, v, { rating: null, helpful: null }, nextIp());
    expect(s4.stats).toMatchObject({ ratingAverage: 4.4, ratingVotes: 65, helpfulPercent: 88 });
    expect((await feedbackFor(db, SLUG, v.key)).mine).toEqual({ rating: null, helpful: null });
    await expectConsistent();
  });

  it("refuses bad input: rating 0 or 6, not a whole number, nothing to record, unknown article", async () => {
    for (const body of [
      { rating: 0 },
      { rating: 6 },
      { rating: 2.5 },
      { rating: "4" },
      {},
      { helpful: "yes" },
      { x: 1 },
    ]) {
      const e = (() => {
        try {
          validate(feedbackBodySchema, body);
          return null;
        } catch (x) {
          return x as DomainError;
        }
      })();
      expect(e, JSON.stringify(body)).toBeInstanceOf(Invalid);
      expect(statusOf(e!)).toBe(422);
    }
    expect(() => validate(feedbackBodySchema, { rating: 6 })).toThrow(
      /rating: a rating is a whole number from 1 to 5/,
    );
    const before = await recount(SLUG);
    const e = await failureOf(giveFeedback(db, "no-such-article", anon(), { rating: 3 }, nextIp()));
    expect([e.status, e.code]).toEqual([404, "not_found"]);
    expect(await publishedArticleId(db, "demo-draft-not-public")).toBeNull();
    expect(await recount(SLUG)).toEqual(before);
  });

  it("concurrent readers and concurrent changes by one reader: counters equal a recount", async () => {
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        giveFeedback(db, SLUG, anon(), { rating: (i % 5) + 1, helpful: i % 3 !== 0 }, nextIp()),
      ),
    );
    const one = anon();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        giveFeedback(db, SLUG, one, i % 2 ? { rating: (i % 5) + 1 } : { helpful: i % 4 === 0 }, nextIp()),
      ),
    );
    const c = await expectConsistent();
    expect(c.ratingCount).toBe(121);
    const rows = await db.select().from(articleFeedback).where(eq(articleFeedback.voterKey, one.key));
    expect(rows.length).toBe(1);
  });

  it("a signed-in reader answers as their account; a suspended one is refused", async () => {
    const [u] = await db
      .insert(users)
      .values({ name: "fb", email: `fb-${randomUUID().slice(0, 6)}@example.test`, emailVerified: new Date() })
      .returning();
    const viewer = toViewer(u, "session");
    const s = await giveFeedback(db, SLUG, { key: userKey(u.id), viewer }, { rating: 4 }, nextIp());
    expect(s.mine.rating).toBe(4);
    const [row] = await db
      .select()
      .from(articleFeedback)
      .where(eq(articleFeedback.voterKey, userKey(u.id)));
    expect(row.userId).toBe(u.id);
    const e = await failureOf(
      giveFeedback(
        db,
        SLUG,
        { key: userKey(u.id), viewer: { ...viewer, status: "suspended" } },
        { rating: 1 },
        nextIp(),
      ),
    );
    expect([e.status, e.code]).toEqual([403, "account_restricted"]);
    await expectConsistent();
  });

  it("anonymous answers follow the reader into their account: newest answer per field, counted once", async () => {
    const [u] = await db
      .insert(users)
      .values({ name: "m", email: `m-${randomUUID().slice(0, 6)}@example.test`, emailVerified: new Date() })
      .returning();
    const acct = { key: userKey(u.id), viewer: toViewer(u, "session") };
    const id = newAnonId();
    const a = { key: anonKey(id), viewer: null };
    // the account rated earlier; the anonymous reader later rated and answered "helpful"
    await giveFeedback(db, SLUG, acct, { rating: 2 }, nextIp());
    await db
      .update(articleFeedback)
      .set({ updatedAt: sql`now() - interval '1 day'` })
      .where(eq(articleFeedback.voterKey, acct.key));
    await giveFeedback(db, SLUG, a, { rating: 5, helpful: true }, nextIp());
    // and on another article only anonymously
    await giveFeedback(db, "demo-caribbean-naval-buildup", a, { helpful: false }, nextIp());
    const before = await recount(SLUG);

    const r = await mergeAnonymousIntoAccount(db, id, u.id);
    expect(r.articles).toEqual([SLUG]); // the other article's figures do not move (same answers, new owner)
    expect((await feedbackFor(db, SLUG, acct.key)).mine).toEqual({ rating: 5, helpful: true });
    expect((await feedbackFor(db, "demo-caribbean-naval-buildup", acct.key)).mine).toEqual({
      rating: null,
      helpful: false,
    });
    const after = await expectConsistent();
    expect(after.ratingCount).toBe(before.counted.ratingCount - 1);
    expect(after.ratingSum).toBe(before.counted.ratingSum - 2);
    await expectConsistent("demo-caribbean-naval-buildup");
    expect(await db.select().from(articleFeedback).where(eq(articleFeedback.voterKey, a.key))).toEqual([]);
  });
});
