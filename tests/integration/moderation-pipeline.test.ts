// The pipeline against a real database: what a posted comment becomes, with the facts read from the
// comments table and the settings from the settings table.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { moderationActions } from "@/db/schema";
import { updateSettings } from "@/lib/settings";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { articleRow, insertComment, makeArticle, makeUser, postComment } from "../helpers/moderation";

// vitest.config raises the comment limits for feature tests; these tests check the settings' limits
delete process.env.AGORA_LIMIT_COMMENT_USER;
delete process.env.AGORA_LIMIT_COMMENT_IP;

describe(`moderation pipeline on the database (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let admin: string;
  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    admin = await makeUser(db, { role: "admin" });
    await updateSettings(
      db,
      {
        bannedWords: ["zzbanned"],
        suspectWords: ["zzsuspect"],
        linksMinApproved: 2,
        newCommenterHoldCount: 0,
        // every comment here comes from one test address; the per-author limit is what these tests check
        commentsPerMinutePerIp: 10_000,
      },
      admin,
    );
  });
  afterAll(async () => {
    await closeDb();
    await t.close();
  });

  it("rejects a banned word, holds a suspect word, approves clean text", async () => {
    const a = await makeArticle(db);
    const reader = await makeUser(db);
    const banned = await postComment(db, {
      articleId: a.id,
      authorId: reader,
      body: "this has zzb4nned in it",
    });
    expect(banned.verdict).toMatchObject({
      status: "rejected",
      phase: "banned_words",
      reason: "banned_word",
    });
    const held = await postComment(db, {
      articleId: a.id,
      authorId: reader,
      body: "this has zzsuspect in it",
    });
    expect(held.verdict).toMatchObject({ status: "pending", phase: "suspect_words" });
    const ok = await postComment(db, { articleId: a.id, authorId: reader, body: "a clean remark" });
    expect(ok.verdict.status).toBe("approved");
    expect((await articleRow(db, a.id)).commentCount).toBe(1);
  });

  it("holds a link from a new commenter until they have K approved comments", async () => {
    const a = await makeArticle(db);
    const reader = await makeUser(db);
    const first = await postComment(db, {
      articleId: a.id,
      authorId: reader,
      body: "see https://example.com/a",
    });
    expect(first.verdict).toMatchObject({ status: "pending", phase: "links" });
    expect(first.verdict.message).toBe("Held for review: links from new commenters are checked first.");
    await insertComment(db, { articleId: a.id, authorId: reader, body: "earlier one" });
    await insertComment(db, { articleId: a.id, authorId: reader, body: "earlier two" });
    const later = await postComment(db, {
      articleId: a.id,
      authorId: reader,
      body: "see https://example.com/b",
    });
    expect(later.verdict).toMatchObject({ status: "approved", tags: ["link"] });
  });

  it("holds everything on a premoderated article", async () => {
    const a = await makeArticle(db, { moderationMode: "pre" });
    const reader = await makeUser(db);
    const v = await postComment(db, { articleId: a.id, authorId: reader, body: "hello there" });
    expect(v.verdict).toMatchObject({ status: "pending", phase: "premoderation" });
  });

  it("limits an author's rate and refuses a repeat of their own recent comment", async () => {
    await updateSettings(db, { commentsPerMinutePerAuthor: 3 }, admin);
    const a = await makeArticle(db);
    const reader = await makeUser(db);
    const v1 = await postComment(db, { articleId: a.id, authorId: reader, body: "same words" });
    expect(v1.verdict.status).toBe("approved");
    const dup = await postComment(db, { articleId: a.id, authorId: reader, body: "Same   words" });
    expect(dup.verdict).toMatchObject({ status: "rejected", phase: "duplicate" });
    await postComment(db, { articleId: a.id, authorId: reader, body: "third" });
    const over = await postComment(db, { articleId: a.id, authorId: reader, body: "fourth" });
    expect(over.verdict).toMatchObject({ status: "rejected", phase: "rate_limit", reason: "rate_limited" });
    expect(over.verdict.message).toContain("at most 3 comments a minute");
    expect(over.verdict.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
    // another author is not held back by this one
    const other = await postComment(db, { articleId: a.id, authorId: await makeUser(db), body: "mine" });
    expect(other.verdict.status).toBe("approved");
    await updateSettings(db, { commentsPerMinutePerAuthor: 5 }, admin);
  });

  it("lets exactly N of a burst of concurrent comments through (the allowance is spent atomically)", async () => {
    await updateSettings(db, { commentsPerMinutePerAuthor: 3 }, admin);
    const a = await makeArticle(db);
    const reader = await makeUser(db);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postComment(db, { articleId: a.id, authorId: reader, body: `burst number ${i}` }),
      ),
    );
    const limited = burst.filter((b) => b.verdict.phase === "rate_limit").length;
    expect(limited).toBe(9);
    await updateSettings(db, { commentsPerMinutePerAuthor: 5 }, admin);
  });

  it("gives the allowance back when the window has passed", async () => {
    process.env.AGORA_LIMIT_COMMENT_USER = "2/1";
    try {
      const a = await makeArticle(db);
      const reader = await makeUser(db);
      for (const body of ["one", "two"])
        expect((await postComment(db, { articleId: a.id, authorId: reader, body })).verdict.status).toBe(
          "approved",
        );
      const over = await postComment(db, { articleId: a.id, authorId: reader, body: "three" });
      expect(over.verdict).toMatchObject({ phase: "rate_limit", retryAfterSeconds: 1 });
      // the window passes on an injected clock (both limiter stores read Date.now), not by waiting
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 1_100 });
      const later = await postComment(db, { articleId: a.id, authorId: reader, body: "four" });
      expect(later.verdict.status).toBe("approved");
    } finally {
      vi.useRealTimers();
      delete process.env.AGORA_LIMIT_COMMENT_USER;
    }
  });

  it("switches surge mode on above X comments a minute and off after the period", async () => {
    await updateSettings(
      db,
      { surgeCommentsPerMinute: 5, surgeMinutes: 10, commentsPerMinutePerIp: 1000 },
      admin,
    );
    const a = await makeArticle(db);
    const now = new Date();
    for (let i = 0; i < 5; i++)
      await insertComment(db, {
        articleId: a.id,
        authorId: await makeUser(db),
        body: `c${i}`,
        createdAt: now,
      });
    // the 6th comment in the minute is more than 5: surge starts and holds it
    const v = await postComment(db, { articleId: a.id, authorId: await makeUser(db), body: "busy", now });
    expect(v.verdict).toMatchObject({ status: "pending", phase: "surge", reason: "surge" });
    const art = await articleRow(db, a.id);
    expect(art.surgeUntil?.getTime()).toBe(now.getTime() + 10 * 60_000);
    const [audit] = await db
      .select()
      .from(moderationActions)
      .where(and(eq(moderationActions.action, "article.surge_start"), eq(moderationActions.targetId, a.id)));
    expect(audit.details).toMatchObject({ trigger: "rate", commentsLastMinute: 6, threshold: 5 });
    // during the surge, a quiet comment is held too
    const during = await postComment(db, {
      articleId: a.id,
      authorId: await makeUser(db),
      body: "still busy?",
      now: new Date(now.getTime() + 5 * 60_000),
    });
    expect(during.verdict.phase).toBe("surge");
    // after the period: back to normal (the comments held during the surge do not re-trigger it)
    const after = await postComment(db, {
      articleId: a.id,
      authorId: await makeUser(db),
      body: "calm again",
      now: new Date(now.getTime() + 10 * 60_000 + 1000),
    });
    expect(after.verdict.status).toBe("approved");
  });

  it("switches surge mode on when more than Y % of the latest comments were held or rejected", async () => {
    await updateSettings(db, { surgeCommentsPerMinute: 1000, surgeHeldPercent: 50 }, admin);
    const a = await makeArticle(db);
    const past = new Date(Date.now() - 10 * 60_000);
    for (let i = 0; i < 6; i++)
      await insertComment(db, {
        articleId: a.id,
        authorId: admin,
        status: "rejected",
        decidedBy: "banned_words",
        createdAt: past,
      });
    for (let i = 0; i < 4; i++)
      await insertComment(db, { articleId: a.id, authorId: admin, createdAt: past });
    const v = await postComment(db, { articleId: a.id, authorId: await makeUser(db), body: "a fair point" });
    expect(v.verdict.phase).toBe("surge");
    expect((await articleRow(db, a.id)).surgeUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("rejects on closed articles and in quiet hours", async () => {
    const closed = await makeArticle(db, { commentsOpen: false });
    const reader = await makeUser(db);
    expect(
      (await postComment(db, { articleId: closed.id, authorId: reader, body: "hello" })).verdict.phase,
    ).toBe("comments_closed");
    const quiet = await makeArticle(db, { quietStart: "00:00", quietEnd: "06:00" });
    const v = await postComment(db, {
      articleId: quiet.id,
      authorId: reader,
      body: "late night",
      now: new Date("2030-01-01T03:00:00Z"),
    });
    expect(v.verdict).toMatchObject({ status: "rejected", phase: "quiet_hours" });
  });
});
