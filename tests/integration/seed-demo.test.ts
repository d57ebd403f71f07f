import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { createTestDb, dbKindLabel, type TestDb } from "../helpers/db";

describe(`db:seed leaves the demo articles out unless asked (${dbKindLabel})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });
  const titles = async () =>
    (await t.db.select({ title: articles.title }).from(articles).orderBy(sql`slug`)).map((r) => r.title);

  it("seeds only the real article with demo: false, and the [Demo] ones on top with demo: true", async () => {
    const plain = await seedContent(t.db, undefined, { demo: false });
    expect(plain.errors).toEqual([]);
    expect(plain.seeded).toEqual(["will-russia-defend-maduro"]);
    expect((await titles()).some((x) => x.startsWith("[Demo]"))).toBe(false);
    const demo = await seedContent(t.db, undefined, { demo: true });
    expect(demo.seeded).toContain("demo-caribbean-naval-buildup");
    expect((await titles()).filter((x) => x.startsWith("[Demo]")).length).toBeGreaterThanOrEqual(2);
  });
});
