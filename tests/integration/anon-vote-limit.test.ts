// Issue 12, hole 7: anonymous poll and rating stuffing. Without the voter cookie, one network could
// vote again and again; now each poll (and each article's rating/helpful) takes at most N signed-out
// votes per network per day (AGORA_LIMIT_ANON_VOTE, default 3), 429 beyond, through the route handlers.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as feedbackPut } from "@/app/api/v1/articles/[slug]/feedback/route";
import { PUT as pollVotePut } from "@/app/api/v1/polls/[id]/vote/route";
import { closeDb, type Db, getDb } from "@/db/client";
import { articleFeedback, articles, pollVotes } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { articlePollDefinitions } from "@/lib/polls/definitions";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

const SLUG = "will-russia-defend-maduro";
const BASE = "http://agora.test";

describe(`anonymous vote limit per network (hole 7, ${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let pollId: string;
  let optionId: string;
  let articleId: string;

  const put = (path: string, ip: string, body: unknown, cookie?: string) =>
    new Request(`${BASE}${path}`, {
      method: "PUT",
      headers: {
        origin: BASE,
        "content-type": "application/json",
        "x-agora-client-ip": ip,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    });
  const vote = (ip: string, cookie?: string) =>
    pollVotePut(put(`/api/v1/polls/${pollId}/vote`, ip, { optionIds: [optionId] }, cookie), {
      params: Promise.resolve({ id: pollId }),
    });
  const rate = (ip: string, rating: number, cookie?: string) =>
    feedbackPut(put(`/api/v1/articles/${SLUG}/feedback`, ip, { rating }, cookie), {
      params: Promise.resolve({ slug: SLUG }),
    });
  const votesFrom = async () =>
    (await db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId))).length;
  const cookieOf = (r: Response) => r.headers.getSetCookie()[0]?.split(";")[0];

  beforeAll(async () => {
    delete process.env.AGORA_LIMIT_ANON_VOTE;
    process.env.AUTH_URL = BASE;
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    await seedContent(db);
    const defs = (await articlePollDefinitions(db, SLUG))!;
    const open = defs.find((d) => !d.closesAt || d.closesAt > new Date())!;
    pollId = open.id;
    optionId = open.options[0].id;
    [{ id: articleId }] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, SLUG));
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("10 cookie-less votes from one address count 3; the rest get 429 with the usual message", async () => {
    const before = await votesFrom();
    const codes: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 10; i++) {
      last = await vote("203.0.113.77");
      codes.push(last.status);
    }
    expect(codes.slice(0, 3)).toEqual([201, 201, 201]);
    expect(codes.slice(3).every((c) => c === 429)).toBe(true);
    const body = await last!.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(
      /^Too many anonymous votes here from your network today; sign in to vote\. Try again in/,
    );
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await votesFrom()) - before).toBe(3);
  });

  it("addresses of one IPv6 /64 share the allowance; a reader changing their vote spends nothing", async () => {
    const before = await votesFrom();
    const first = await vote("2001:db8:7:7::1");
    expect(first.status).toBe(201);
    const cookie = cookieOf(first);
    for (let i = 0; i < 4; i++) expect((await vote("2001:db8:7:7::1", cookie)).status).toBe(200);
    let codes = "";
    for (let i = 2; i < 8; i++) codes += `${(await vote(`2001:db8:7:7:${i}::${i}`)).status} `;
    expect(codes.trim()).toBe("201 201 429 429 429 429");
    expect((await votesFrom()) - before).toBe(3);
    // another network is not affected
    expect((await vote("2001:db8:7:8::1")).status).toBe(201);
  });

  it("ratings: at most 3 new anonymous answers per article per network per day", async () => {
    const count = async () =>
      (
        await db
          .select()
          .from(articleFeedback)
          .where(and(eq(articleFeedback.articleId, articleId)))
      ).length;
    const before = await count();
    const codes: number[] = [];
    let cookie: string | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await rate("198.51.100.33", 4);
      codes.push(r.status);
      cookie ??= cookieOf(r);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect((await count()) - before).toBe(3);
    // an earlier answer can still be changed
    expect((await rate("198.51.100.33", 2, cookie)).status).toBe(200);
  });
});
