import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, authors, pollOptions, polls, questions } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import {
  findPublishedArticle,
  latestArticles,
  recommendedArticles,
  topArticles,
} from "@/lib/articles/queries";
import { recordView } from "@/lib/views/record";
import { createTestDb, dbKindLabel, type TestDb } from "../helpers/db";

const SLUG = "will-russia-defend-maduro";

describe(`seed and article queries (${dbKindLabel})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = async () => {
    const [a] = await t.db.select({ n: sql<number>`count(*)::int` }).from(articles);
    const [u] = await t.db.select({ n: sql<number>`count(*)::int` }).from(authors);
    const [q] = await t.db.select({ n: sql<number>`count(*)::int` }).from(questions);
    const [p] = await t.db.select({ n: sql<number>`count(*)::int` }).from(polls);
    const [o] = await t.db.select({ n: sql<number>`count(*)::int` }).from(pollOptions);
    return { articles: a.n, authors: u.n, questions: q.n, polls: p.n, options: o.n };
  };

  it("loads the seed twice without duplicates, keeping ids and live counters", async () => {
    const first = await seedContent(t.db);
    expect(first.errors).toEqual([]);
    expect(first.seeded).toContain(SLUG);
    const after1 = await counts();
    const [before] = await t.db.select().from(articles).where(eq(articles.slug, SLUG));
    await t.db.update(articles).set({ viewCount: 7 }).where(eq(articles.id, before.id));
    const pollIds1 = (await t.db.select({ id: polls.id }).from(polls)).map((p) => p.id).sort();

    const second = await seedContent(t.db);
    expect(second.errors).toEqual([]);
    expect(await counts()).toEqual(after1);
    const [again] = await t.db.select().from(articles).where(eq(articles.slug, SLUG));
    expect(again.id).toBe(before.id);
    expect(again.viewCount).toBe(7);
    expect((await t.db.select({ id: polls.id }).from(polls)).map((p) => p.id).sort()).toEqual(pollIds1);
    expect(after1).toMatchObject({ articles: 4, authors: 2, polls: 4 });
  });

  it("publishes the seed article with its author, question, two polls and imported figures", async () => {
    const a = await findPublishedArticle(t.db, SLUG);
    expect(a).not.toBeNull();
    expect(a!.title).toMatch(/^Will Russia Defend Maduro\?/);
    expect(a!.author).toEqual({
      name: "Delena Feil",
      slug: "delena-feil",
      job: "Design Supervisor",
      hobbies: ["Digital arts", "Lacemaking", "Air sports", "Running", "Scouting", "Shooting", "Puzzles"],
      introduction: expect.stringContaining("loves writing"),
    });
    expect(JSON.stringify(a)).not.toMatch(/1998-08-29|Lubowitz|99513241752844/);
    expect(a!.question!.callToAction).toBe("Share your thoughts in the comments below!");
    expect(a!.question!.polls).toHaveLength(2);
    expect(a!.question!.polls[0].options.map((o) => o.label)).toEqual([
      "A genuine commitment to sovereignty",
      "A calculated move to counter Western influence",
      "Some of both",
      "Not sure",
    ]);
    expect(a!.stats).toMatchObject({ ratingAverage: 4.4, ratingVotes: 65, helpfulPercent: 88 });
    expect(a!.stats.views).toBe(5965 + 7);
  });

  it("never returns drafts", async () => {
    expect(await findPublishedArticle(t.db, "demo-draft-not-public")).toBeNull();
    const latest = await latestArticles(t.db, 10);
    expect(latest.map((a) => a.slug)).not.toContain("demo-draft-not-public");
  });

  it("orders latest by publication date and top by views (imported + counted)", async () => {
    const latest = await latestArticles(t.db, 10);
    expect(latest.map((a) => a.slug)).toEqual([
      SLUG,
      "demo-caribbean-naval-buildup",
      "demo-newsroom-comment-guidelines",
    ]);
    const top = await topArticles(t.db, 10);
    expect(top.map((a) => a.slug)).toEqual([
      SLUG,
      "demo-caribbean-naval-buildup",
      "demo-newsroom-comment-guidelines",
    ]);
    await t.db
      .update(articles)
      .set({ viewCount: 10_000 })
      .where(eq(articles.slug, "demo-newsroom-comment-guidelines"));
    expect((await topArticles(t.db, 1))[0].slug).toBe("demo-newsroom-comment-guidelines");
  });

  it("recommends by shared tags, then author, then recency", async () => {
    const rec = await recommendedArticles(t.db, SLUG, 5);
    // the naval demo shares geopolitics/united-states/venezuela; the guidelines demo shares nothing
    expect(rec.map((a) => a.slug)).toEqual(["demo-caribbean-naval-buildup"]);
    const fromDemo = await recommendedArticles(t.db, "demo-newsroom-comment-guidelines", 5);
    // same author (demo desk) and the shared "demo" tag
    expect(fromDemo.map((a) => a.slug)).toEqual(["demo-caribbean-naval-buildup"]);
  });

  it("counts a view once per visitor per day", async () => {
    const [a] = await t.db.select().from(articles).where(eq(articles.slug, SLUG));
    const base = a.importedViews + a.viewCount;
    expect(await recordView(t.db, SLUG, "visitor-a", "2026-01-01")).toBe(base + 1);
    expect(await recordView(t.db, SLUG, "visitor-a", "2026-01-01")).toBe(base + 1);
    expect(await recordView(t.db, SLUG, "visitor-b", "2026-01-01")).toBe(base + 2);
    expect(await recordView(t.db, SLUG, "visitor-a", "2026-01-02")).toBe(base + 3);
    expect(await recordView(t.db, "demo-draft-not-public", "visitor-a")).toBeNull();
  });
});
