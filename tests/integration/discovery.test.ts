// Visibility rules of feeds, sitemap data, search, reader profiles and the follow-up block, on the real
// database (PostgreSQL with DATABASE_URL, else PGlite): drafts, scheduled articles, held, rejected and
// deleted comments never appear; a hidden profile is not found except for staff; handles follow their
// rules; a removed comment drops out of the follow-up block.
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { comments, moderationActions, users } from "@/db/schema";
import { articlesFeed, commentsFeed } from "@/lib/discovery/feeds";
import {
  latestApprovedComments,
  listPublishedArticles,
  publicTagsAndAuthors,
  sitemapArticles,
  topApprovedComments,
} from "@/lib/discovery/queries";
import { readFollowUp, saveFollowUp, shortlistComment, unshortlistComment } from "@/lib/followup";
import { changeHandle, checkHandle, findUserIdsByHandles, handleFor } from "@/lib/profiles/handle";
import { findReaderProfile, setProfileHidden } from "@/lib/profiles/profile";
import { checkQuery, runSearch } from "@/lib/search";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { insertComment, makeArticle, makeUser } from "../helpers/moderation";

const parser = new XMLParser({ ignoreAttributes: false });
const arr = <T>(v: T | T[] | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

describe(`discovery visibility (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let pub: { id: string; slug: string };
  let draft: { id: string; slug: string };
  let later: { id: string; slug: string };
  let reader: string;
  let editor: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    pub = await makeArticle(db, {
      title: "Sovereignty in the Caribbean",
      body: "Moscow weighs its naval options near Caracas; the café owners shrug.",
      tags: ["Geopolitics", "Russia"],
    });
    draft = await makeArticle(db, {
      status: "draft",
      title: "Draft zebrafjord",
      body: "zebrafjord secret",
      tags: ["Russia"],
    });
    later = await makeArticle(db, {
      publishedAt: new Date(Date.now() + 86_400_000),
      title: "Scheduled walnutcobalt",
      body: "walnutcobalt",
    });
    reader = await makeUser(db, { name: "Quinta Reader" });
    editor = await makeUser(db, { name: "Ed Itor", role: "moderator" });
    ids.approved = await insertComment(db, {
      articleId: pub.id,
      authorId: reader,
      body: "quokkafennel is my answer",
    });
    ids.second = await insertComment(db, {
      articleId: pub.id,
      authorId: reader,
      body: "marzipanlantern second thought",
    });
    for (const status of ["pending", "rejected", "spam", "deleted"] as const)
      ids[status] = await insertComment(db, {
        articleId: pub.id,
        authorId: reader,
        body: `heldword${status} text`,
        status,
      });
    ids.onDraft = await insertComment(db, {
      articleId: draft.id,
      authorId: reader,
      body: "draftcomment zebrafjord",
    });
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("lists only published articles in feeds, tag and author lists and the sitemap", async () => {
    const all = await listPublishedArticles(db);
    expect(all.map((a) => a.slug)).toEqual([pub.slug]);
    expect((await listPublishedArticles(db, { tag: "Russia" })).map((a) => a.slug)).toEqual([pub.slug]);
    expect(await listPublishedArticles(db, { tag: "Nothing" })).toEqual([]);
    const { tags } = await publicTagsAndAuthors(db);
    expect(tags.sort()).toEqual(["Geopolitics", "Russia"]);
    expect((await sitemapArticles(db, 0, 100)).map((r) => r.slug)).toEqual([pub.slug]);

    const rss = articlesFeed("rss", { title: "T", description: "D", path: "/", feedPath: "", articles: all });
    expect(XMLValidator.validate(rss)).toBe(true);
    const x = parser.parse(rss);
    expect(x.rss["@_version"]).toBe("2.0");
    const items = arr(x.rss.channel.item);
    expect(items).toHaveLength(1);
    expect(String(items[0].link)).toMatch(new RegExp(`/articles/${pub.slug}$`));
    expect(Number.isNaN(Date.parse(items[0].pubDate))).toBe(false);
    const atom = parser.parse(
      articlesFeed("atom", { title: "T", description: "D", path: "/", feedPath: "", articles: all }),
    );
    const entry = arr(atom.feed.entry)[0];
    expect(entry.id).toContain(`/articles/${pub.slug}`);
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  });

  it("the comments feed and JSON-LD data carry approved comments only, and nothing of drafts", async () => {
    expect(await latestApprovedComments(db, draft.slug)).toBeNull();
    expect(await latestApprovedComments(db, later.slug)).toBeNull();
    const found = await latestApprovedComments(db, pub.slug);
    expect(found?.comments.map((c) => c.id).sort()).toEqual([ids.approved, ids.second].sort());
    const xml = commentsFeed("rss", { article: found!.article, comments: found!.comments, followUp: null });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("quokkafennel");
    expect(xml).not.toMatch(/heldword/);
    const guids = arr(parser.parse(xml).rss.channel.item).map((i: { guid: { "#text": string } }) =>
      String(i.guid["#text"]),
    );
    expect(guids.some((g) => g.endsWith(`/comments/${ids.approved}`))).toBe(true);
    const top = await topApprovedComments(db, pub.id);
    expect(top.map((c) => c.id).sort()).toEqual([ids.approved, ids.second].sort());
    expect(top[0].authorHandle).toBe("quinta-reader");
  });

  it("search finds published articles and approved comments, accent-insensitively where unaccent exists", async () => {
    const art = await runSearch(db, "caribbean", "articles", null);
    expect(art.results.map((r) => r.id)).toEqual([pub.id]);
    const naval = await runSearch(db, "naval", "articles", null);
    expect(naval.results[0].snippet).toMatch(/<mark>naval<\/mark>/);
    expect((await runSearch(db, "quokkafennel", "comments", null)).results.map((r) => r.id)).toEqual([
      ids.approved,
    ]);
    for (const q of [
      "heldwordpending",
      "heldwordrejected",
      "heldwordspam",
      "heldworddeleted",
      "zebrafjord",
      "walnutcobalt",
    ]) {
      const r = await runSearch(db, q, null, null);
      expect(r.results, q).toEqual([]);
    }
    // cafe finds café (both databases load unaccent)
    expect((await runSearch(db, "cafe", "articles", null)).results.map((r) => r.id)).toEqual([pub.id]);
    // operators and quotes never fail
    for (const q of ['"russia -maduro OR (', "russia & !maduro | (", "'", "\\", "russia <-> :* )))"])
      await expect(runSearch(db, q, null, null)).resolves.toBeTruthy();
    expect(checkQuery("a")).toEqual({ ok: false, reason: "short" });
    expect(() => checkQuery("x".repeat(201))).toThrow(/at most 200/);
  });

  it("snippets escape reader text", async () => {
    await insertComment(db, {
      articleId: pub.id,
      authorId: reader,
      body: "xsstoken <img src=x onerror=alert(1)>",
    });
    const r = await runSearch(db, "xsstoken", "comments", null);
    expect(r.results[0].snippet).not.toContain("<img");
    expect(r.results[0].snippet).toContain("&#60;img");
  });

  it("reader profiles: approved comments only; hidden is not found except for staff", async () => {
    const handle = (await handleFor(db, reader))!;
    expect(handle).toBe("quinta-reader");
    const p = await findReaderProfile(db, handle);
    expect(p?.comments.map((c) => c.id)).toContain(ids.approved);
    expect(p?.comments.map((c) => c.id)).not.toContain(ids.pending);
    expect(p?.comments.map((c) => c.id)).not.toContain(ids.onDraft);
    expect(p?.counts.comments).toBe(3);
    await setProfileHidden(db, reader, true);
    expect(await findReaderProfile(db, handle)).toBeNull();
    expect((await findReaderProfile(db, handle, 1, { includeHidden: true }))?.hidden).toBe(true);
    const top = await topApprovedComments(db, pub.id);
    expect(top.every((c) => c.authorHandle === null)).toBe(true);
    await setProfileHidden(db, reader, false);
    expect(await findReaderProfile(db, handle)).not.toBeNull();
  });

  it("handles: rules, uniqueness, once per 30 days, lookups for mentions", async () => {
    await expect(checkHandle("ab")).rejects.toThrow(/3-30/);
    await expect(checkHandle("Bad Handle")).rejects.toThrow(/handle/);
    await expect(checkHandle("admin-team")).rejects.toThrow(/staff/);
    await expect(checkHandle("adm1n")).rejects.toThrow(/staff/);
    expect(await checkHandle("@Nice-Name")).toBe("nice-name");
    const other = await makeUser(db, { name: "Quinta Reader" });
    const otherHandle = (await handleFor(db, other))!;
    expect(otherHandle).toMatch(/^quinta-reader-[0-9a-f]{4}$/);
    await expect(changeHandle(db, other, "quinta-reader")).rejects.toThrow(/taken/);
    expect(await changeHandle(db, other, "quinta-two")).toBe("quinta-two");
    await expect(changeHandle(db, other, "quinta-three")).rejects.toThrow(/once every 30 days/);
    await db
      .update(users)
      .set({ handleChangedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(users.id, other));
    expect(await changeHandle(db, other, "quinta-three")).toBe("quinta-three");
    const map = await findUserIdsByHandles(db, ["@Quinta-Three", "quinta-reader", "nobody-here", "x"]);
    expect(Object.fromEntries(map)).toEqual({ "quinta-three": other, "quinta-reader": reader });
  });

  it("follow-up: shortlist is audited; the block quotes approved comments and drops removed ones", async () => {
    await expect(shortlistComment(db, ids.pending, editor)).rejects.toThrow(/approved/);
    await shortlistComment(db, ids.approved, editor);
    await shortlistComment(db, ids.approved, editor); // idempotent
    const audit = await db
      .select()
      .from(moderationActions)
      .where(eq(moderationActions.targetId, ids.approved));
    expect(audit.filter((a) => a.action === "comment.shortlist")).toHaveLength(1);
    await expect(
      saveFollowUp(db, pub.id, { text: "Thanks", commentIds: [ids.onDraft], published: true }, editor),
    ).rejects.toThrow(/not an approved comment of this article/);
    const saved = await saveFollowUp(
      db,
      pub.id,
      { text: "Thank you for the answers.", commentIds: [ids.approved, ids.second], published: true },
      editor,
    );
    expect(saved.quotes?.map((q) => q.id)).toEqual([ids.approved, ids.second]);
    await db.update(comments).set({ status: "rejected" }).where(eq(comments.id, ids.second));
    const block = await readFollowUp(db, pub.id);
    expect(block?.quotes.map((q) => q.id)).toEqual([ids.approved]);
    await saveFollowUp(db, pub.id, { text: "Withdrawn", commentIds: [], published: false }, editor);
    expect(await readFollowUp(db, pub.id)).toBeNull();
    await unshortlistComment(db, ids.approved, editor);
    const after = await db
      .select()
      .from(moderationActions)
      .where(eq(moderationActions.targetId, ids.approved));
    expect(after.map((a) => a.action)).toContain("comment.unshortlist");
  });
});
