import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  articleFeedback,
  articles,
  articleViews,
  comments,
  pollOptions,
  polls,
  pollVotes,
  rateLimits,
  users,
} from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { applyRetention, retentionDays } from "@/lib/retention";
import { createTestDb, dbKindLabel, type TestDb } from "../helpers/db";

const NOW = new Date("2026-06-30T12:00:00Z");
const OLD = new Date("2026-05-01T00:00:00Z"); // 60 days before NOW
const RECENT = new Date("2026-06-25T00:00:00Z"); // 5 days before NOW

describe(`retention of hashed IPs and anonymous voter ids (${dbKindLabel})`, () => {
  let t: TestDb;
  let articleId: string;
  let pollId: string;
  let optionIds: string[];
  beforeAll(async () => {
    t = await createTestDb();
    await seedContent(t.db);
    const [a] = await t.db.select().from(articles).where(eq(articles.slug, "will-russia-defend-maduro"));
    articleId = a.id;
    const [p] = await t.db.select().from(polls).limit(1);
    pollId = p.id;
    optionIds = (await t.db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId))).map(
      (o) => o.id,
    );
    const [u] = await t.db.insert(users).values({ name: "Reader", email: "r@example.com" }).returning();
    // votes: old anonymous, recent anonymous, old signed-in; totals kept on the options and the poll
    await t.db.insert(pollVotes).values([
      {
        pollId,
        voterKey: "a:old-cookie",
        optionIds: [optionIds[0]],
        ipHash: "ip-old",
        createdAt: OLD,
        updatedAt: OLD,
      },
      {
        pollId,
        voterKey: "a:new-cookie",
        optionIds: [optionIds[1]],
        ipHash: "ip-new",
        createdAt: RECENT,
        updatedAt: RECENT,
      },
      {
        pollId,
        voterKey: `u:${u.id}`,
        userId: u.id,
        optionIds: [optionIds[0]],
        ipHash: "ip-user",
        createdAt: OLD,
        updatedAt: OLD,
      },
    ]);
    await t.db.update(pollOptions).set({ voteCount: 2 }).where(eq(pollOptions.id, optionIds[0]));
    await t.db.update(pollOptions).set({ voteCount: 1 }).where(eq(pollOptions.id, optionIds[1]));
    await t.db.update(polls).set({ totalVoters: 3 }).where(eq(polls.id, pollId));
    await t.db.insert(articleFeedback).values([
      { articleId, voterKey: "a:old-cookie", rating: 5, updatedAt: OLD },
      { articleId, voterKey: "a:new-cookie", rating: 4, updatedAt: RECENT },
    ]);
    await t.db.insert(comments).values([
      {
        articleId,
        path: "0001",
        body: "old",
        bodyHtml: "<p>old</p>",
        status: "approved",
        ipHash: "ip-c-old",
        createdAt: OLD,
      },
      {
        articleId,
        path: "0002",
        body: "new",
        bodyHtml: "<p>new</p>",
        status: "approved",
        ipHash: "ip-c-new",
        createdAt: RECENT,
      },
    ]);
    await t.db.insert(articleViews).values([
      { articleId, day: "2026-04-30", visitorHash: "v1" },
      { articleId, day: "2026-06-29", visitorHash: "v2" },
    ]);
    await t.db.update(articles).set({ viewCount: 2 }).where(eq(articles.id, articleId));
    await t.db.insert(rateLimits).values([
      { key: "comment:ip-old", points: 3, expire: NOW.getTime() - 1000 },
      { key: "comment:ip-new", points: 1, expire: NOW.getTime() + 60_000 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("drops what is older than the period and keeps every total", async () => {
    const r = await applyRetention(t.db, { days: 30, now: NOW });
    expect(r).toMatchObject({
      pollVoteIpHashes: 2,
      pollVoterIds: 1,
      feedbackVoterIds: 1,
      commentIpHashes: 1,
      viewRows: 1,
      rateLimitRows: 1,
    });
    const votes = await t.db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId));
    const byIp = (ip: string | null) => votes.filter((v) => v.ipHash === ip);
    expect(byIp("ip-new")).toHaveLength(1);
    expect(byIp(null)).toHaveLength(2);
    const keys = votes.map((v) => v.voterKey).sort();
    expect(keys).toContain("a:new-cookie");
    expect(keys).not.toContain("a:old-cookie");
    expect(keys.filter((k) => k.startsWith("u:"))).toHaveLength(1); // accounts keep their vote
    expect(keys.filter((k) => k.startsWith("expired:"))).toHaveLength(1);
    // the votes themselves and every total are unchanged
    const options = await t.db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId));
    expect(options.find((o) => o.id === optionIds[0])!.voteCount).toBe(2);
    expect(options.find((o) => o.id === optionIds[1])!.voteCount).toBe(1);
    expect((await t.db.select().from(polls).where(eq(polls.id, pollId)))[0].totalVoters).toBe(3);
    const fb = await t.db.select().from(articleFeedback).where(eq(articleFeedback.articleId, articleId));
    expect(fb.map((f) => f.rating).sort()).toEqual([4, 5]);
    expect(fb.map((f) => f.voterKey)).not.toContain("a:old-cookie");
    const cs = await t.db.select().from(comments).where(eq(comments.articleId, articleId));
    expect(cs.find((c) => c.body === "old")!.ipHash).toBeNull();
    expect(cs.find((c) => c.body === "new")!.ipHash).toBe("ip-c-new");
    const views = await t.db.select().from(articleViews).where(eq(articleViews.articleId, articleId));
    expect(views.map((v) => v.day)).toEqual(["2026-06-29"]);
    expect((await t.db.select().from(articles).where(eq(articles.id, articleId)))[0].viewCount).toBe(2);
    expect((await t.db.select().from(rateLimits)).map((l) => l.key)).toEqual(["comment:ip-new"]);
  });

  it("is idempotent", async () => {
    const r = await applyRetention(t.db, { days: 30, now: NOW });
    expect(Object.values(r).filter((v) => typeof v === "number")).toEqual([0, 0, 0, 0, 0, 0]);
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(pollVotes);
    expect(n).toBe(3);
  });

  it("reads the period from AGORA_RETENTION_DAYS, default 30, and refuses nonsense", () => {
    expect(retentionDays(undefined)).toBe(30);
    expect(retentionDays("7")).toBe(7);
    expect(() => retentionDays("0")).toThrow(/AGORA_RETENTION_DAYS/);
    expect(() => retentionDays("soon")).toThrow(/AGORA_RETENTION_DAYS/);
  });
});
