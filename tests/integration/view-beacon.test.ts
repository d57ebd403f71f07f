// Issue 12, hole 12: the view beacon took posts from anywhere, without a per-network limit, and counted
// views of unpublished and scheduled articles. Through the real route handler on a real database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/articles/[slug]/views/route";
import { closeDb, type Db, getDb } from "@/db/client";
import { articles } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

const SLUG = "will-russia-defend-maduro";
const BASE = "http://agora.test";

describe(`view beacon (hole 12, ${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  const beacon = (slug: string, ip: string, headers: Record<string, string> = { origin: BASE }) =>
    POST(
      new Request(`${BASE}/api/v1/articles/${slug}/views`, {
        method: "POST",
        headers: { "x-agora-client-ip": ip, "user-agent": `ua-${ip}`, ...headers },
        body: "{}",
      }),
      { params: Promise.resolve({ slug }) },
    );
  const viewCount = async () =>
    (await db.select({ n: articles.viewCount }).from(articles).where(eq(articles.slug, SLUG)))[0].n;

  beforeAll(async () => {
    process.env.AUTH_URL = BASE;
    process.env.AGORA_LIMIT_VIEW_IP = "5/60";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    await seedContent(db);
  });
  afterAll(async () => {
    delete process.env.AGORA_LIMIT_VIEW_IP;
    await closeDb();
    await t?.close();
  });

  it("counts a view from the site's own page", async () => {
    const before = await viewCount();
    const r = await beacon(SLUG, "192.0.2.1");
    expect(r.status).toBe(200);
    expect(await viewCount()).toBe(before + 1);
  });

  it("refuses a beacon without Origin or from another site, counting nothing", async () => {
    const before = await viewCount();
    expect((await beacon(SLUG, "192.0.2.2", {})).status).toBe(403);
    expect((await beacon(SLUG, "192.0.2.3", { origin: "https://evil.example" })).status).toBe(403);
    expect(await viewCount()).toBe(before);
  });

  it("limits beacons per network (IPv6 /64 as one)", async () => {
    const codes: number[] = [];
    for (let i = 1; i <= 7; i++) codes.push((await beacon(SLUG, `2001:db8:12::${i}`)).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it("answers 404 for an unknown, draft or scheduled article, counting nothing", async () => {
    expect((await beacon("no-such-article", "192.0.2.20")).status).toBe(404);
    await db
      .update(articles)
      .set({ publishedAt: new Date(Date.now() + 86_400_000) })
      .where(eq(articles.slug, SLUG));
    const before = await viewCount();
    expect((await beacon(SLUG, "192.0.2.21")).status).toBe(404);
    await db
      .update(articles)
      .set({ publishedAt: new Date(), status: "draft" })
      .where(eq(articles.slug, SLUG));
    expect((await beacon(SLUG, "192.0.2.22")).status).toBe(404);
    expect(await viewCount()).toBe(before);
  });
});
