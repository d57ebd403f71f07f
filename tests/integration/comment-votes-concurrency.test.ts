// 200 readers vote on one comment at the same moment: the score on the row is exactly right, and a
// reader who fires the same vote many times at once still counts once.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { confidenceOf, voteOnComment } from "@/lib/comments/votes";
import { postComment } from "@/lib/comments/write";
import { makeArticle, makeUser, makeUsers, type TestUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

let t: TestDb;
let db: Db;
let readers: TestUser[];
let commentId: string;

beforeAll(async () => {
  t = await createTestDb();
  await useAsProcessDb(t);
  db = await getDb();
  const author = await makeUser(db, "author");
  readers = await makeUsers(db, 200, "voter");
  const a = await makeArticle(db, "concurrency");
  commentId = (await postComment(db, author, { slug: a.slug, body: "Vote, everyone", ipHash: "x" })).id;
});
afterAll(async () => {
  await closeDb();
  await t.close();
});

async function row() {
  const [c] = await db.select().from(comments).where(eq(comments.id, commentId));
  return c;
}

async function voteRows(): Promise<number> {
  const r = (await db.execute(
    sql`select count(*)::int as n from comment_votes where comment_id = ${commentId}`,
  )) as unknown;
  return Number((Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows)[0].n);
}

describe(`200 parallel votes (${dbKindLabel})`, () => {
  it("adds up exactly", async () => {
    await Promise.all(readers.map((r, i) => voteOnComment(db, r, commentId, i < 120 ? 1 : -1)));
    let c = await row();
    expect(c).toMatchObject({ upvotes: 120, downvotes: 80, score: 40, confidence: confidenceOf(120, 80) });
    expect(await voteRows()).toBe(200);

    // everyone changes their mind at once: the first 50 undo, the rest flip
    await Promise.all(readers.map((r, i) => voteOnComment(db, r, commentId, i < 50 ? 0 : i < 120 ? -1 : 1)));
    c = await row();
    expect(c).toMatchObject({ upvotes: 80, downvotes: 70, score: 10, confidence: confidenceOf(80, 70) });
    expect(await voteRows()).toBe(150);
  });

  it("counts one reader once however many times the same vote arrives at once", async () => {
    const before = await row();
    const me = readers[0]; // undid their vote above
    await Promise.all(Array.from({ length: 20 }, () => voteOnComment(db, me, commentId, 1)));
    const c = await row();
    expect(c.upvotes).toBe(before.upvotes + 1);
    expect(c.score).toBe(before.score + 1);
  });
});
