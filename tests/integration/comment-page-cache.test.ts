// The shared comment pages are served from memory until the article changes (on this instance or,
// through NOTIFY, on another), and the HTTP fast path answers only what is in memory and still good.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { cacheTags, tagChangedAt } from "@/lib/cache";
import { getCommentPage } from "@/lib/comments/cached";
import { voteOnComment } from "@/lib/comments/votes";
import { postComment } from "@/lib/comments/write";
import { commentsFastGet } from "@/server/comment-pages";
import { makeArticle, makeUser, type TestUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

let t: TestDb;
let db: Db;
let alice: TestUser;
let bob: TestUser;
let server: http.Server;
let base: string;

beforeAll(async () => {
  t = await createTestDb();
  await useAsProcessDb(t);
  db = await getDb();
  alice = await makeUser(db, "alice");
  bob = await makeUser(db, "bob");
  server = http.createServer((req, res) => {
    if (!commentsFastGet(req, res)) {
      res.writeHead(599);
      res.end("not from memory");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await closeDb();
  await t.close();
});

/**
 * Until the clock has moved past the article's last change: a read that starts in the very millisecond
 * of a change counts as older than it (lib/comments/cached.ts), so it would not be kept.
 */
const pastLastChange = (slug: string) =>
  vi.waitFor(() => expect(Date.now()).toBeGreaterThan(tagChangedAt(cacheTags.article(slug))), {
    interval: 1,
  });

describe(`comment page cache (${dbKindLabel})`, () => {
  it("serves the same page until a visible change, then reads again", async () => {
    const a = await makeArticle(db, "cached-page");
    const first = await postComment(db, alice, { slug: a.slug, body: "cached one", ipHash: "x" });
    await pastLastChange(a.slug);
    const p1 = await getCommentPage(a.slug, null, null);
    const p2 = await getCommentPage(a.slug, null, null);
    expect(p2).toBe(p1); // same object: no second read
    expect(p1!.page.comments.map((c) => c.id)).toEqual([first.id]);

    // the fast path answers it from memory, byte for byte
    const r = await fetch(`${base}/api/v1/articles/${a.slug}/comments`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.text()).toBe(p1!.json);
    // what is not in memory, or unusual, goes on to Next
    expect((await fetch(`${base}/api/v1/articles/${a.slug}/comments?sort=top`)).status).toBe(599);
    expect((await fetch(`${base}/api/v1/articles/${a.slug}/comments?sort=new&x=1`)).status).toBe(599);
    expect((await fetch(`${base}/api/v1/articles/${a.slug}/comments/mine`)).status).toBe(599);

    // (the invalidation window is 0 in tests, vitest.config.mts: every write invalidates at once)
    const second = await postComment(db, bob, { slug: a.slug, body: "cached two", ipHash: "x" });
    // the post invalidated the article's tag: the fast path stops answering, the next read is fresh
    expect((await fetch(`${base}/api/v1/articles/${a.slug}/comments`)).status).toBe(599);
    const p3 = await getCommentPage(a.slug, null, null);
    expect(p3).not.toBe(p1);
    expect(p3!.page.comments.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(p3!.page.article.commentCount).toBe(2);

    // a vote changes a score on the page: invalidated too
    await voteOnComment(db, alice, second.id, 1);
    await expect.poll(async () => (await getCommentPage(a.slug, null, null))!.page.comments[0].score).toBe(1);
  });
});
