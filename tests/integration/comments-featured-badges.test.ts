// Issue 13: the "Featured" list (a sort of its own, cached like the others) and the badges beside a
// commenter's name: Staff for moderators and admins, Author for the article's author's linked account
// (authors.user_id, docs/decisions/113-author-accounts.md), only on that author's articles.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { articles, authors, comments, moderationActions, users } from "@/db/schema";
import { authorAccountSchema, setAuthorAccount } from "@/lib/articles/author-accounts";
import { toViewer } from "@/lib/auth/viewer";
import { getCommentPage, peekCommentPageJson } from "@/lib/comments/cached";
import { parseRootCursor } from "@/lib/comments/cursor";
import { listQuery } from "@/lib/comments/input";
import { loadRootPage } from "@/lib/comments/queries";
import { getViewerState } from "@/lib/comments/read";
import { postComment } from "@/lib/comments/write";
import { makeArticle, makeUsers } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";

describe(`featured list and badges (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("lists only featured comments (replies too), newest first, paged, and keeps the page cached", async () => {
    const article = await makeArticle(db, "featured-list");
    const people = await makeUsers(db, 4, "feat");
    const ids: string[] = [];
    for (const [i, who] of people.entries())
      ids.push((await postComment(db, who, { slug: article.slug, body: `Top ${i}`, ipHash: `f-${i}` })).id);
    const reply = await postComment(db, people[0], {
      slug: article.slug,
      parentId: ids[1],
      body: "A featured reply",
      ipHash: "f-r",
    });
    await db.update(comments).set({ status: "approved" }).where(eq(comments.articleId, article.id));
    for (const id of [ids[0], ids[2], reply.id])
      await db.update(comments).set({ featured: true }).where(eq(comments.id, id));
    let page = await loadRootPage(db, article, "featured", null, 2);
    expect(page.comments.map((c) => c.id)).toEqual([reply.id, ids[2]]);
    expect(page.comments.every((c) => c.featured)).toBe(true);
    expect(page.comments[0].replies).toEqual([]);
    page = await loadRootPage(db, article, "featured", parseRootCursor(page.nextCursor!, "featured"), 2);
    expect(page.comments.map((c) => c.id)).toEqual([ids[0]]);
    expect(page.nextCursor).toBeNull();
    // a cursor of another sort is refused with a clear message
    expect(() => parseRootCursor(page.comments[0] ? "eyJrIjoibmV3IiwicSI6NX0" : "", "featured")).toThrow(
      /not a cursor from this list/,
    );
    // the API takes it; an unknown sort names the allowed ones
    expect(listQuery.safeParse({ sort: "featured" }).success).toBe(true);
    const bad = listQuery.safeParse({ sort: "best" });
    expect(bad.error?.issues[0].message).toBe("must be one of new, top, old, featured.");
    // cached: the second read is served from memory, synchronously
    const first = await getCommentPage(article.slug, "featured", null);
    expect(first?.page.comments.map((c) => c.id)).toEqual([reply.id, ids[2], ids[0]]);
    expect(peekCommentPageJson(article.slug, "featured", null)).toBe(first?.json);
  });

  it("gives staff a Staff badge and the article's linked author an Author badge, on their articles only", async () => {
    const article = await makeArticle(db, "author-badge");
    const other = await makeArticle(db, "author-badge-other");
    const [writer, reader, mod] = await makeUsers(db, 3, "badge");
    await db.update(users).set({ role: "moderator" }).where(eq(users.id, mod.id));
    const [a] = await db
      .select({ authorId: articles.authorId })
      .from(articles)
      .where(eq(articles.id, article.id));
    const [admin] = await makeUsers(db, 1, "badge-admin");
    const [w] = await db.select({ email: users.email }).from(users).where(eq(users.id, writer.id));
    const linked = await setAuthorAccount(
      db,
      a.authorId,
      authorAccountSchema.parse({ email: w.email!.toUpperCase() }),
      admin.id,
    );
    expect(linked).toMatchObject({ changed: true, account: { id: writer.id } });
    expect(
      (await setAuthorAccount(db, a.authorId, { email: w.email!.toLowerCase() }, admin.id)).changed,
    ).toBe(false);
    const [audit] = await db
      .select()
      .from(moderationActions)
      .where(eq(moderationActions.action, "author.link_account"));
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "user", targetId: writer.id });

    const post = async (slug: string, who: typeof writer, body: string) =>
      (
        await postComment(
          db,
          { ...who, role: who === mod ? "moderator" : "reader" },
          { slug, body, ipHash: body },
        )
      ).comment;
    const fresh = await post(article.slug, writer, "From the author");
    expect(fresh.author).toMatchObject({ id: writer.id, articleAuthor: true });
    await post(article.slug, reader, "From a reader");
    await post(article.slug, mod, "From a moderator");
    await post(other.slug, writer, "The author elsewhere");
    const held = await post(article.slug, writer, "Held, from the author");
    await db.update(comments).set({ status: "approved" });
    await db.update(comments).set({ status: "pending" }).where(eq(comments.id, held.id));
    // the author's own held comment (shown only to them) carries the badge too
    const [writerRow] = await db.select().from(users).where(eq(users.id, writer.id));
    const mine = await getViewerState(
      db,
      toViewer(writerRow, "session"),
      { id: article.id, slug: article.slug, commentsOpen: true, defaultSort: "new", commentCount: 0 },
      { ok: true },
    );
    expect(mine.pending.map((c) => [c.id, c.author?.articleAuthor])).toEqual([[held.id, true]]);
    const byBody = async (slug: string, id: string) => {
      const p = await loadRootPage(db, { id, slug }, "new", null);
      return Object.fromEntries(p.comments.map((c) => [c.bodyHtml.replace(/<[^>]+>/g, "").trim(), c.author]));
    };
    const here = await byBody(article.slug, article.id);
    expect(here["From the author"]).toMatchObject({ articleAuthor: true });
    expect(here["From the author"]).not.toHaveProperty("staff");
    expect(here["From a reader"]).not.toHaveProperty("articleAuthor");
    expect(here["From a moderator"]).toMatchObject({ staff: true });
    expect(here["From a moderator"]).not.toHaveProperty("articleAuthor");
    expect((await byBody(other.slug, other.id))["The author elsewhere"]).not.toHaveProperty("articleAuthor");

    // unlinking removes the badge
    await setAuthorAccount(db, a.authorId, { email: null }, admin.id);
    expect((await byBody(article.slug, article.id))["From the author"]).not.toHaveProperty("articleAuthor");
  });

  it("refuses bad links clearly and changes nothing", async () => {
    const [x, y] = await makeUsers(db, 2, "link");
    const [admin] = await makeUsers(db, 1, "link-admin");
    const au = await db
      .insert(authors)
      .values([
        { slug: "link-a", name: "Author A" },
        { slug: "link-b", name: "Author B" },
      ])
      .returning({ id: authors.id });
    const [ex] = await db.select({ email: users.email }).from(users).where(eq(users.id, x.id));
    await setAuthorAccount(db, au[0].id, { email: ex.email! }, admin.id);
    // the same account for a second author: 409, nothing moved
    const taken = await failureOf(setAuthorAccount(db, au[1].id, { email: ex.email! }, admin.id));
    expect(taken).toMatchObject({ status: 409, code: "account_taken" });
    expect(taken.message).toMatch(/already linked to the author Author A/);
    // nobody with that address: 422 on email
    expect(
      await failureOf(setAuthorAccount(db, au[1].id, { email: "nobody@test.test" }, admin.id)),
    ).toMatchObject({ status: 422, field: "email" });
    // an unknown author: 404
    expect(
      (
        await failureOf(
          setAuthorAccount(db, "00000000-0000-4000-8000-000000000000", { email: null }, admin.id),
        )
      ).status,
    ).toBe(404);
    expect((await failureOf(setAuthorAccount(db, "not-a-uuid", { email: null }, admin.id))).status).toBe(404);
    // the body: an e-mail or null, nothing else
    for (const body of [{}, { email: "no-at-sign" }, { email: 5 }, { email: null, extra: 1 }])
      expect(authorAccountSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    const rows = await db.select({ id: authors.id, userId: authors.userId }).from(authors);
    expect(rows.find((r) => r.id === au[1].id)?.userId).toBeNull();
    expect(rows.find((r) => r.id === au[0].id)?.userId).toBe(x.id);
    void y;
  });
});
