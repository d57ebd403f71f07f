// Comments on a real database (PostgreSQL with DATABASE_URL, PGlite otherwise): tree order, keyset
// pagination under concurrent inserts, each sort, replies beyond the first few, depth, votes, counts,
// edits, soft delete, reports and refused input (nothing stored).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { articles, commentRevisions, comments, users } from "@/db/schema";
import { readCommentPage } from "@/lib/comments/cached";
import { getCommentContext, getCommentForViewer, getReplies, getViewerState } from "@/lib/comments/read";
import { reportComment } from "@/lib/comments/reports";
import type { PublicComment } from "@/lib/comments/types";
import { confidenceOf, voteOnComment } from "@/lib/comments/votes";
import { deleteComment, editComment, postComment } from "@/lib/comments/write";
import {
  countComments,
  makeArticle,
  makeUser,
  makeUsers,
  setStatus,
  type TestUser,
} from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";

let t: TestDb;
let db: Db;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await createTestDb();
  await useAsProcessDb(t);
  process.env.AGORA_COMMENT_EDIT_MINUTES = "15";
  db = await getDb();
  alice = await makeUser(db, "alice");
  bob = await makeUser(db, "bob");
});
afterAll(async () => {
  await closeDb();
  await t.close();
});

const post = (slug: string, who: TestUser, body: string, parentId?: string) =>
  postComment(db, who, { slug, body, parentId, ipHash: "test-ip" });

/** What the API answers for a refused call (the named error's kind → its one HTTP status). */
const apiError = failureOf;

async function articleCount(id: string): Promise<number> {
  const [a] = await db.select({ n: articles.commentCount }).from(articles).where(eq(articles.id, id));
  return a.n;
}

async function allPages(slug: string, sort: "new" | "top" | "old", between?: () => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await readCommentPage(slug, sort, cursor);
    ids.push(...page!.comments.map((c) => c.id));
    cursor = page!.nextCursor;
    if (!cursor) break;
    if (between) await between();
  }
  return ids;
}

describe(`comments (${dbKindLabel})`, () => {
  it("posts a thread and reads it back in tree order with counts on the rows", async () => {
    const a = await makeArticle(db, "tree-order");
    const r1 = await post(a.slug, alice, "First root, **bold**");
    expect(r1.status).toBe("approved");
    const r2 = await post(a.slug, bob, "Second root");
    const c1 = await post(a.slug, bob, "Reply one", r1.id);
    const c2 = await post(a.slug, alice, "Reply two", r1.id);
    const c1a = await post(a.slug, alice, "Reply to reply one", c1.id);

    const page = (await readCommentPage(a.slug, "new", null))!;
    expect(page.comments.map((c) => c.id)).toEqual([r2.id, r1.id]);
    const root = page.comments[1];
    expect(root.bodyHtml).toBe("<p>First root, <strong>bold</strong></p>");
    expect(root.replies.map((c) => c.id)).toEqual([c1.id, c2.id]);
    expect(root.replies[0].replies.map((c) => c.id)).toEqual([c1a.id]);
    expect(root.replyCount).toBe(2);
    expect(root.descendantCount).toBe(3);
    expect(root.replies[0].depth).toBe(1);
    expect(root.replies[0].replies[0].depth).toBe(2);
    expect(root.replies[0].replies[0].rootId).toBe(r1.id);
    expect(page.article.commentCount).toBe(5);
    expect(await articleCount(a.id)).toBe(5);
    expect(root.author).toEqual({ id: alice.id, name: alice.name, handle: "alice-1" });
    expect(root.url).toBe(`/articles/${a.slug}/comments/${r1.id}`);

    const old = (await readCommentPage(a.slug, "old", null))!;
    expect(old.comments.map((c) => c.id)).toEqual([r1.id, r2.id]);
  });

  it("collapses replies beyond three behind a cursor that loads exactly the rest", async () => {
    const a = await makeArticle(db, "more-replies");
    const root = await post(a.slug, alice, "Root with many replies");
    const replies: string[] = [];
    for (let i = 0; i < 7; i++) replies.push((await post(a.slug, bob, `reply ${i}`, root.id)).id);
    const page = (await readCommentPage(a.slug, "new", null))!;
    const r = page.comments[0];
    expect(r.replies.map((c) => c.id)).toEqual(replies.slice(0, 3));
    expect(r.moreReplies).toBe(4);
    const more = await getReplies(db, root.id, { cursor: r.moreRepliesCursor, limit: 2 });
    expect(more.comments.map((c) => c.id)).toEqual(replies.slice(3, 5));
    expect(more.remaining).toBe(2);
    const rest = await getReplies(db, root.id, { cursor: more.nextCursor, limit: 10 });
    expect(rest.comments.map((c) => c.id)).toEqual(replies.slice(5));
    expect(rest.nextCursor).toBeNull();
    const bad = await apiError(getReplies(db, root.id, { cursor: "bm9wZQ" }));
    expect(bad.status).toBe(422);
  });

  it("nests to depth 6 and continues deeper threads on the comment's own page", async () => {
    const a = await makeArticle(db, "deep");
    const chain: string[] = [];
    let parent: string | undefined;
    for (let i = 0; i <= 8; i++) {
      parent = (await post(a.slug, i % 2 ? bob : alice, `level ${i}`, parent)).id;
      chain.push(parent);
    }
    const page = (await readCommentPage(a.slug, "new", null))!;
    let node: PublicComment = page.comments[0];
    for (let d = 1; d <= 6; d++) {
      expect(node.replies).toHaveLength(1);
      node = node.replies[0];
      expect(node.depth).toBe(d);
    }
    expect(node.replies).toHaveLength(0);
    expect(node.continueThread).toBe(true);
    const ctx = (await getCommentContext(db, a.slug, chain[6]))!;
    expect(ctx.ancestors.map((c) => c.id)).toEqual(chain.slice(0, 6));
    expect(ctx.comment.replies[0].id).toBe(chain[7]);
    expect(ctx.comment.replies[0].replies[0].id).toBe(chain[8]);
    expect(await getCommentContext(db, "other-slug", chain[6])).toBeNull();
  });

  it.each(["new", "old", "top"] as const)(
    "pages through %s with no gaps or repeats while others keep posting",
    async (sort) => {
      const a = await makeArticle(db, `paging-${sort}`);
      const voters = await makeUsers(db, 3, `voter-${sort}`);
      const before: string[] = [];
      for (let i = 0; i < 47; i++) {
        const c = await post(a.slug, alice, `thread ${i}`);
        before.push(c.id);
        // some votes, so that "top" has ties and differences
        for (let v = 0; v < i % 4; v++) await voteOnComment(db, voters[v], c.id, i % 3 === 0 ? -1 : 1);
      }
      let n = 0;
      const seen = await allPages(a.slug, sort, async () => {
        // concurrent inserts between (and during) page reads
        await Promise.all([post(a.slug, bob, `late ${n++}`), post(a.slug, bob, `late ${n++}`)]);
      });
      expect(new Set(seen).size).toBe(seen.length); // no repeats
      for (const id of before) expect(seen).toContain(id); // no gaps
      if (sort === "top") {
        const page = (await readCommentPage(a.slug, "top", null))!;
        const conf = page.comments.map((c) => confidenceOf(c.upvotes, c.downvotes));
        expect([...conf].sort((x, y) => y - x)).toEqual(conf);
        expect(conf[0]).toBeGreaterThan(0);
      }
    },
  );

  it("uses the article's default sort when none is asked for", async () => {
    const a = await makeArticle(db, "default-old", { defaultSort: "old" });
    const first = await post(a.slug, alice, "older");
    await post(a.slug, alice, "newer");
    const page = (await readCommentPage(a.slug, null, null))!;
    expect(page.sort).toBe("old");
    expect(page.comments[0].id).toBe(first.id);
  });

  it("keeps one vote per reader, changeable and undoable, never on one's own", async () => {
    const a = await makeArticle(db, "votes");
    const c = await post(a.slug, alice, "Vote on me");
    expect((await voteOnComment(db, bob, c.id, 1)).score).toBe(1);
    expect((await voteOnComment(db, bob, c.id, 1)).score).toBe(1); // same vote again: still one
    const down = await voteOnComment(db, bob, c.id, -1);
    expect(down).toMatchObject({ score: -1, upvotes: 0, downvotes: 1, value: -1 });
    const carol = await makeUser(db, "carol");
    await voteOnComment(db, carol, c.id, -1);
    const undo = await voteOnComment(db, bob, c.id, 0);
    expect(undo).toMatchObject({ score: -1, upvotes: 0, downvotes: 1 });
    const votes = await db.execute(
      sql`select count(*)::int as n from comment_votes where comment_id = ${c.id}`,
    );
    const n = (Array.isArray(votes) ? votes : (votes as unknown as { rows: { n: number }[] }).rows)[0].n;
    expect(Number(n)).toBe(1);
    const own = await apiError(voteOnComment(db, alice, c.id, 1));
    expect(own.status).toBe(403);
    const unknown = await apiError(voteOnComment(db, bob, "00000000-0000-0000-0000-000000000000", 1));
    expect(unknown.status).toBe(404);
    const [row] = await db.select().from(comments).where(eq(comments.id, c.id));
    expect(row.confidence).toBe(confidenceOf(0, 1));
    await voteOnComment(db, bob, c.id, 1);
    const state = await getViewerState(
      db,
      { id: bob.id, name: "bob", role: "reader" } as never,
      {
        id: a.id,
        slug: a.slug,
        commentsOpen: true,
        defaultSort: "new",
        commentCount: 1,
      },
      { ok: true },
    );
    expect(state.votes).toEqual({ [c.id]: 1 });
  });

  it("edits within the window keeping revisions, refuses others' and late edits", async () => {
    const a = await makeArticle(db, "edits");
    const c = await post(a.slug, alice, "Original text");
    const e = await editComment(db, alice, c.id, { body: "Edited *text*", ipHash: "x" });
    expect(e.comment.bodyHtml).toBe("<p>Edited <em>text</em></p>");
    expect(e.comment.editedAt).not.toBeNull();
    const revs = await db.select().from(commentRevisions).where(eq(commentRevisions.commentId, c.id));
    expect(revs.map((r) => r.body)).toEqual(["Original text"]);
    expect((await apiError(editComment(db, bob, c.id, { body: "Hijack", ipHash: "x" }))).status).toBe(403);
    await db
      .update(comments)
      .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(comments.id, c.id));
    const late = await apiError(editComment(db, alice, c.id, { body: "Too late", ipHash: "x" }));
    expect(late.status).toBe(409);
    expect(late.message).toMatch(/15 minutes/);
    const [row] = await db.select().from(comments).where(eq(comments.id, c.id));
    expect(row.body).toBe("Edited *text*");
  });

  it("soft-deletes: [deleted] keeps the replies in place, counts follow", async () => {
    const a = await makeArticle(db, "deletes");
    const root = await post(a.slug, alice, "Root to delete");
    const reply = await post(a.slug, bob, "Reply that stays", root.id);
    const leaf = await post(a.slug, alice, "Leaf root to delete");
    expect(await articleCount(a.id)).toBe(3);
    expect((await apiError(deleteComment(db, bob, root.id))).status).toBe(403);
    await deleteComment(db, alice, root.id);
    await deleteComment(db, alice, leaf.id);
    expect(await articleCount(a.id)).toBe(1);
    const page = (await readCommentPage(a.slug, "new", null))!;
    expect(page.comments.map((c) => c.id)).toEqual([root.id]); // the deleted leaf root is gone
    const r = page.comments[0];
    expect(r).toMatchObject({ deleted: true, bodyHtml: "", author: null, replyCount: 1 });
    expect(r.replies[0].id).toBe(reply.id);
    expect(JSON.stringify(page)).not.toContain("Root to delete");
    // replying to or voting on a deleted comment is refused
    expect((await apiError(post(a.slug, bob, "late reply", root.id))).status).toBe(409);
    expect((await apiError(voteOnComment(db, bob, root.id, 1))).status).toBe(409);
    // deleting twice is fine
    expect(await deleteComment(db, alice, root.id)).toEqual({ id: root.id, status: "deleted" });
  });

  it("takes one report per reader per comment and counts them", async () => {
    const a = await makeArticle(db, "reports");
    const c = await post(a.slug, alice, "Report me");
    await reportComment(db, bob, c.id, { reason: "spam" });
    const again = await apiError(reportComment(db, bob, c.id, { reason: "abuse" }));
    expect(again.status).toBe(409);
    const carol = await makeUser(db, "carol-r");
    await reportComment(db, carol, c.id, { reason: "other", note: "Off the rails" });
    expect((await apiError(reportComment(db, alice, c.id, { reason: "spam" }))).status).toBe(403);
    const [row] = await db.select().from(comments).where(eq(comments.id, c.id));
    expect(row.reportCount).toBe(2);
  });

  it("refuses bad input with a clear message and stores nothing", async () => {
    const a = await makeArticle(db, "bad-input");
    const other = await makeArticle(db, "bad-input-other");
    const closed = await makeArticle(db, "bad-input-closed", { commentsOpen: false });
    const foreign = await post(other.slug, alice, "On another article");
    const before = await countComments(db);
    const cases: [string, () => Promise<unknown>, number, RegExp][] = [
      ["empty", () => post(a.slug, alice, ""), 422, /Write something/],
      ["whitespace", () => post(a.slug, alice, "  \n\t "), 422, /only whitespace/],
      ["too short", () => post(a.slug, alice, "a"), 422, /at least 2/],
      ["too long", () => post(a.slug, alice, "x".repeat(5001)), 422, /at most 5,000/],
      ["control", () => post(a.slug, alice, "bell \u0007 here"), 422, /control character \(U\+0007\)/],
      ["broken unicode", () => post(a.slug, alice, "half \ud800 a pair"), 422, /broken Unicode/],
      ["other article's parent", () => post(a.slug, alice, "reply", foreign.id), 422, /no such comment/],
      [
        "unknown parent",
        () => post(a.slug, alice, "reply", "00000000-0000-0000-0000-000000000000"),
        422,
        /no such/,
      ],
      ["bad parent id", () => post(a.slug, alice, "reply", "not-a-uuid"), 422, /no such/],
      ["closed", () => post(closed.slug, alice, "hello there"), 403, /closed/],
      ["unknown article", () => post("no-such-article", alice, "hello there"), 404, /No published article/],
    ];
    for (const [name, p, status, msg] of cases) {
      const e = await apiError(p());
      expect(e.status, name).toBe(status);
      expect(e.message, name).toMatch(msg);
    }
    expect(await countComments(db)).toBe(before);
    // exactly at the limits is fine; emoji count as one character each
    await expect(post(a.slug, alice, "ok")).resolves.toMatchObject({ status: "approved" });
    await expect(post(a.slug, alice, "😀".repeat(5000))).resolves.toMatchObject({ status: "approved" });
  });

  it("refuses a comment over the author's limit with 429 and Retry-After, storing nothing", async () => {
    const a = await makeArticle(db, "rate-limited");
    const carol = await makeUser(db, "carol");
    const saved = process.env.AGORA_LIMIT_COMMENT_USER;
    process.env.AGORA_LIMIT_COMMENT_USER = "2/60";
    try {
      await post(a.slug, carol, "first thought");
      await post(a.slug, carol, "second thought");
      const before = await countComments(db);
      const e = await apiError(post(a.slug, carol, "third thought"));
      expect(e.status).toBe(429);
      expect(e.code).toBe("rate_limited");
      expect(e.message).toMatch(/at most 2 comments a minute\. Try again in \d+ seconds/);
      expect(Number(e.retryAfter)).toBeGreaterThan(0);
      expect(await countComments(db)).toBe(before);
    } finally {
      process.env.AGORA_LIMIT_COMMENT_USER = saved;
    }
  });

  it("a comment refused by an earlier phase (closed article, suspended author) spends no allowance", async () => {
    const open = await makeArticle(db, "allowance-open");
    const closed = await makeArticle(db, "allowance-closed", { commentsOpen: false });
    const dave = await makeUser(db, "dave");
    const saved = process.env.AGORA_LIMIT_COMMENT_USER;
    process.env.AGORA_LIMIT_COMMENT_USER = "1/60";
    try {
      for (let i = 0; i < 3; i++) {
        const e = await apiError(post(closed.slug, dave, `closed try ${i}`));
        expect(e.status).toBe(403);
        expect(e.code).toBe("comments_closed");
      }
      const until = new Date(Date.now() + 3600_000);
      await db.update(users).set({ status: "suspended", suspendedUntil: until }).where(eq(users.id, dave.id));
      for (let i = 0; i < 3; i++)
        expect((await apiError(post(open.slug, dave, `suspended try ${i}`))).code).toBe("author_suspended");
      await db.update(users).set({ status: "active", suspendedUntil: null }).where(eq(users.id, dave.id));
      await expect(post(open.slug, dave, "my one comment")).resolves.toMatchObject({ status: "approved" });
      expect((await apiError(post(open.slug, dave, "and another"))).status).toBe(429);
    } finally {
      process.env.AGORA_LIMIT_COMMENT_USER = saved;
    }
  });

  it("shows a held comment to its author with the verdict's message, to nobody else", async () => {
    const a = await makeArticle(db, "held");
    const parent = await post(a.slug, bob, "A published parent");
    const c = await post(a.slug, alice, "Held for a moment", parent.id);
    expect(await articleCount(a.id)).toBe(2);
    await setStatus(db, c.id, "pending", "suspect_words", "suspect_word");
    expect(await articleCount(a.id)).toBe(1);
    const page = (await readCommentPage(a.slug, "new", null))!;
    expect(page.comments[0].replies).toHaveLength(0);
    expect(page.comments[0].replyCount).toBe(0);
    expect(JSON.stringify(page)).not.toContain("Held for a moment");
    const asViewer = (u: TestUser) => ({ id: u.id, name: u.name, role: "reader" }) as never;
    const art = { id: a.id, slug: a.slug, commentsOpen: true, defaultSort: "new" as const, commentCount: 1 };
    const mine = await getViewerState(db, asViewer(alice), art, { ok: true });
    expect(mine.pending.map((x) => [x.id, x.status, x.message])).toEqual([
      [c.id, "pending", "Held for review: it contains a word a moderator checks first."],
    ]);
    expect((await getViewerState(db, asViewer(bob), art, { ok: true })).pending).toEqual([]);
    expect((await apiError(getCommentForViewer(db, asViewer(bob), c.id))).status).toBe(404);
    expect((await getCommentForViewer(db, asViewer(alice), c.id)).message).toMatch(/Held for review/);
    // approving it later puts it (and the counts) back
    await setStatus(db, c.id, "approved", "moderator");
    const again = (await readCommentPage(a.slug, "new", null))!;
    expect(again.comments[0].replies.map((r) => r.id)).toEqual([c.id]);
    expect(again.comments[0].replies[0].message).toBeUndefined();
    expect(await articleCount(a.id)).toBe(2);
  });
});
