// Settings, people, tokens, the queue's pagination and the article editor, on a real database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { apiTokens, moderationActions, pollOptions, polls, questions, settings, users } from "@/db/schema";
import {
  articleCreateSchema,
  articleUpdateSchema,
  createArticle,
  getArticleForEdit,
  updateArticle,
} from "@/lib/articles/editor";
import { findPublishedArticle } from "@/lib/articles/queries";
import { releaseDue } from "@/lib/articles/schedule";
import { createToken, listTokens, revokeToken } from "@/lib/auth/api-tokens";
import { hashApiToken } from "@/lib/auth/viewer";
import { getDashboard } from "@/lib/moderation/dashboard";
import { listQueue } from "@/lib/moderation/queue";
import {
  addModeratorNote,
  getUserDetail,
  setUserRole,
  setUserStatus,
  userStatusSchema,
} from "@/lib/moderation/users";
import { publish } from "@/lib/realtime/bus";
import {
  getSettings,
  readSettings,
  SETTINGS_CHANNEL,
  startSettingsSync,
  updateSettings,
} from "@/lib/settings";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";
import { insertComment, makeArticle, makeUser } from "../helpers/moderation";

describe(`admin operations (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let admin: string;
  let mod: string;
  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    admin = await makeUser(db, { role: "admin", name: "Ada" });
    mod = await makeUser(db, { role: "moderator", name: "Mo" });
  });
  afterAll(async () => {
    await closeDb();
    await t.close();
  });

  describe("settings", () => {
    it("stores a partial update, audits it, and is read back at once", async () => {
      const before = await getSettings(db);
      const next = await updateSettings(
        db,
        { bannedWords: [...before.bannedWords, "zzword"], surgeMinutes: 45 },
        admin,
      );
      expect(next.surgeMinutes).toBe(45);
      expect((await getSettings(db)).bannedWords).toContain("zzword");
      const [row] = await db.select().from(settings).where(eq(settings.key, "surgeMinutes"));
      expect(row).toMatchObject({ value: 45, updatedBy: admin });
      const [audit] = await db
        .select()
        .from(moderationActions)
        .where(eq(moderationActions.action, "settings.update"));
      expect(audit.details).toEqual({
        bannedWords: { added: ["zzword"], removed: [] },
        surgeMinutes: { from: 30, to: 45 },
      });
    });
    it("refuses an invalid merged whole with the field named, and changes nothing", async () => {
      const before = await readSettings(db);
      expect(
        await failureOf(updateSettings(db, { commentMinLength: 9000, commentMaxLength: 100 }, admin)),
      ).toMatchObject({
        status: 422,
        field: "settings.commentMaxLength",
      });
      expect(await readSettings(db)).toEqual(before);
    });
    it("drops its cached copy when another instance announces a change on the bus", async () => {
      await startSettingsSync();
      const cached = await getSettings(db);
      // another instance writes the table and NOTIFYs; this one has the old copy cached until then
      await db.update(settings).set({ value: 77 }).where(eq(settings.key, "surgeMinutes"));
      expect((await getSettings(db)).surgeMinutes).toBe(cached.surgeMinutes);
      await publish(SETTINGS_CHANNEL, { keys: ["surgeMinutes"] });
      await expect.poll(async () => (await getSettings(db)).surgeMinutes, { timeout: 3000 }).toBe(77);
    });
    it("falls back to the default for a stored value that no longer validates", async () => {
      await db.insert(settings).values({ key: "reportHideThreshold", value: -4 });
      expect((await readSettings(db)).reportHideThreshold).toBe(3);
    });
  });

  describe("users", () => {
    it("suspends for a time, bans (ending sessions), reinstates; each audited; moderators only act on readers", async () => {
      const r = await makeUser(db, { name: "Rob" });
      const until = new Date(Date.now() + 24 * 3600_000).toISOString();
      const s = await setUserStatus(
        db,
        r,
        userStatusSchema.parse({ status: "suspended", until, note: "cooling off" }),
        {
          id: mod,
          role: "moderator",
        },
      );
      expect(s).toMatchObject({ changed: true, user: { status: "suspended" } });
      const [v0] = await db.select().from(users).where(eq(users.id, r));
      await setUserStatus(db, r, { status: "banned" }, { id: mod, role: "moderator" });
      const [v1] = await db.select().from(users).where(eq(users.id, r));
      expect(v1.sessionVersion).toBe(v0.sessionVersion + 1);
      expect(await setUserStatus(db, r, { status: "banned" }, { id: mod, role: "moderator" })).toMatchObject({
        changed: false,
      });
      await setUserStatus(db, r, { status: "active" }, { id: mod, role: "moderator" });
      const detail = await getUserDetail(db, r, { id: mod, role: "moderator" });
      expect(detail.history.map((h) => h.action)).toEqual(["user.reinstate", "user.ban", "user.suspend"]);
      expect(detail.notes[0].note).toContain("cooling off");
      expect(detail.user.email).toBeUndefined(); // emails are for admins
      expect(
        await failureOf(setUserStatus(db, admin, { status: "banned" }, { id: mod, role: "moderator" })),
      ).toMatchObject({
        status: 403,
      });
      expect(
        await failureOf(setUserStatus(db, mod, { status: "banned" }, { id: mod, role: "moderator" })),
      ).toMatchObject({
        status: 403,
      });
      expect(
        await failureOf(setUserStatus(db, "nobody", { status: "banned" }, { id: mod, role: "moderator" })),
      ).toMatchObject({
        status: 404,
      });
    });
    it("validates a suspension's end", () => {
      expect(userStatusSchema.safeParse({ status: "suspended" }).error?.issues[0].path).toEqual(["until"]);
      expect(
        userStatusSchema.safeParse({ status: "suspended", until: "2001-01-01T00:00:00Z" }).error?.issues[0]
          .message,
      ).toBe("must be in the future");
      expect(userStatusSchema.safeParse({ status: "banned", until: "2099-01-01T00:00:00Z" }).success).toBe(
        false,
      );
    });
    it("role changes are for admins, never on oneself, and end the user's sessions", async () => {
      const r = await makeUser(db);
      expect(await failureOf(setUserRole(db, r, "moderator", { id: mod, role: "moderator" }))).toMatchObject({
        status: 403,
      });
      expect(await failureOf(setUserRole(db, admin, "reader", { id: admin, role: "admin" }))).toMatchObject({
        status: 403,
      });
      expect(await setUserRole(db, r, "moderator", { id: admin, role: "admin" })).toMatchObject({
        changed: true,
      });
      const [u] = await db.select().from(users).where(eq(users.id, r));
      expect(u).toMatchObject({ role: "moderator", sessionVersion: 2 });
      await addModeratorNote(db, r, "promoted after training", { id: admin, role: "admin" });
    });
  });

  describe("API tokens", () => {
    it("are shown once, stored hashed, listed without secrets, revoked idempotently", async () => {
      const { token, secret } = await createToken(db, mod, "newsroom bot");
      expect(secret).toMatch(/^agora_[\w-]{40,}$/);
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
      expect(row.tokenHash).toBe(hashApiToken(secret));
      expect(JSON.stringify(await listTokens(db, mod))).not.toContain(secret);
      expect(await revokeToken(db, mod, token.id)).toMatchObject({ changed: true });
      expect(await revokeToken(db, mod, token.id)).toMatchObject({ changed: false });
      expect(await failureOf(revokeToken(db, admin, token.id))).toMatchObject({ status: 404 });
    });
  });

  describe("queue", () => {
    it("pages through pending comments oldest first without gaps or repeats", async () => {
      const a = await makeArticle(db);
      const reader = await makeUser(db);
      const base = Date.now() - 3600_000;
      const ids: string[] = [];
      // several share a timestamp: the keyset must still be exact
      for (let i = 0; i < 23; i++)
        ids.push(
          await insertComment(db, {
            articleId: a.id,
            authorId: reader,
            status: "pending",
            createdAt: new Date(base + Math.floor(i / 3) * 1000),
          }),
        );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listQueue(db, { status: "pending", limit: 5, cursor, articleId: a.id });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(ids);
      const first = await listQueue(db, { status: "pending", limit: 1, articleId: a.id });
      expect(first.items[0]).toMatchObject({
        article: { slug: a.slug },
        author: { id: reader, approvedCount: 0, rejectedCount: 0 },
        reports: [],
      });
      expect(
        await failureOf(listQueue(db, { status: "pending", limit: 5, cursor: "garbage" })),
      ).toMatchObject({
        status: 422,
      });
    });
    it("shows the parent comment of a reply", async () => {
      const a = await makeArticle(db);
      const reader = await makeUser(db, { name: "Parent Author" });
      const parent = await insertComment(db, { articleId: a.id, authorId: reader, body: "the parent text" });
      await insertComment(db, { articleId: a.id, authorId: reader, status: "pending", parentId: parent });
      const page = await listQueue(db, { status: "pending", limit: 5, articleId: a.id });
      expect(page.items[0].parent).toMatchObject({
        id: parent,
        excerpt: "the parent text",
        authorName: "Parent Author",
      });
    });
  });

  describe("article editor", () => {
    it("creates a published article with a question and a poll, readable publicly; edits keep votes", async () => {
      const input = articleCreateSchema.parse({
        title: "A Test Article",
        body: "## Heading\n\nSome **markdown**.",
        newAuthor: { name: "Jane Writer", job: "Correspondent" },
        tags: ["politics"],
        status: "published",
        question: {
          heading: "Your view",
          text: "What do you think?",
          callToAction: "Tell us below",
          polls: [{ question: "Agree?", options: [{ label: "Yes" }, { label: "No" }] }],
        },
      });
      const { id, slug } = await createArticle(db, input, admin);
      expect(slug).toBe("a-test-article");
      const pub = await findPublishedArticle(db, slug);
      expect(pub?.question?.polls[0].options.map((o) => o.label)).toEqual(["Yes", "No"]);
      const edit = await getArticleForEdit(db, id);
      const poll = edit.question!.polls![0];
      await db.update(pollOptions).set({ voteCount: 3 }).where(eq(pollOptions.id, poll.options[0].id!));
      // removing the voted option is refused, nothing changes
      expect(
        await failureOf(
          updateArticle(
            db,
            id,
            {
              question: {
                ...edit.question!,
                polls: [{ ...poll, options: [poll.options[1], { label: "Maybe" }] }],
              } as never,
            },
            admin,
          ),
        ),
      ).toMatchObject({ status: 409, code: "option_has_votes" });
      expect((await getArticleForEdit(db, id)).question!.polls![0].options).toHaveLength(2);
      // relabel + add keeps the option row (and its votes)
      const r = await updateArticle(
        db,
        id,
        {
          commentsOpen: false,
          question: {
            ...edit.question!,
            polls: [
              {
                ...poll,
                options: [{ ...poll.options[0], label: "Yes!" }, poll.options[1], { label: "Maybe" }],
              },
            ],
          } as never,
        },
        admin,
      );
      expect(r.changed).toEqual(["commentsOpen", "question"]);
      // saving the question as it is changes nothing, and says so
      const same = await updateArticle(
        db,
        id,
        { question: (await getArticleForEdit(db, id)).question as never },
        admin,
      );
      expect(same.changed).toEqual([]);
      const [opt] = await db.select().from(pollOptions).where(eq(pollOptions.id, poll.options[0].id!));
      expect(opt).toMatchObject({ label: "Yes!", voteCount: 3 });
      expect(await db.select().from(polls)).toHaveLength(1);
      await updateArticle(db, id, { status: "draft" }, admin);
      expect(await findPublishedArticle(db, slug)).toBeNull();
      const actions = (
        await db.select().from(moderationActions).where(eq(moderationActions.targetId, id))
      ).map((x) => x.action);
      expect(actions).toEqual(["article.create", "article.update", "article.unpublish"]);
      expect(await db.select().from(questions)).toHaveLength(1);
      // references: saved, read back for the editor, listed as changed
      const refs = [{ title: "A source", url: "https://example.org/source" }, { title: "A book" }];
      const withRefs = await updateArticle(db, id, { references: refs }, admin);
      expect(withRefs.changed).toEqual(["references"]);
      expect((await getArticleForEdit(db, id)).references).toEqual(refs);
      const bad = articleUpdateSchema.safeParse({
        references: [{ title: "Bad", url: "javascript:alert(1)" }],
      });
      expect(bad.success).toBe(false);
    });
    it("finds scheduled articles whose time has come, once", async () => {
      const soon = new Date(Date.now() - 5_000);
      const a = await makeArticle(db, { status: "published", publishedAt: soon });
      const since = new Date(Date.now() - 30_000);
      expect(await releaseDue(since, new Date())).toContain(a.slug);
      expect(await releaseDue(new Date(), new Date(Date.now() + 1000))).not.toContain(a.slug);
    });
    it("refuses a taken slug, quiet hours without an end and an unknown author", async () => {
      const a = await makeArticle(db, { slug: "taken-slug" });
      expect(
        await failureOf(
          createArticle(
            db,
            articleCreateSchema.parse({
              title: "X",
              slug: "taken-slug",
              body: "b",
              authorId: (await getArticleForEdit(db, a.id)).authorId,
            }),
            admin,
          ),
        ),
      ).toMatchObject({ status: 409, field: "slug" });
      expect(
        articleCreateSchema.safeParse({
          title: "X",
          body: "b",
          newAuthor: { name: "N" },
          quietStart: "00:00",
        }).error?.issues[0].path,
      ).toEqual(["quietEnd"]);
      expect(
        await failureOf(
          createArticle(
            db,
            articleCreateSchema.parse({
              title: "Y",
              body: "b",
              authorId: "00000000-0000-4000-8000-000000000000",
            }),
            admin,
          ),
        ),
      ).toMatchObject({ status: 422, field: "authorId" });
    });
  });

  describe("dashboard", () => {
    it("counts per day in the site's time zone, the queue and its oldest item, reports and surges", async () => {
      await updateSettings(db, { timeZone: "America/New_York" }, admin);
      const a = await makeArticle(db, { surgeUntil: new Date(Date.now() + 600_000) });
      const reader = await makeUser(db);
      const old = new Date(Date.now() - 2 * 24 * 3600_000);
      await insertComment(db, { articleId: a.id, authorId: reader, status: "pending", createdAt: old });
      await insertComment(db, { articleId: a.id, authorId: reader, status: "rejected" });
      await insertComment(db, { articleId: a.id, authorId: reader });
      const d = await getDashboard(db);
      expect(d.timeZone).toBe("America/New_York");
      expect(d.perDay).toHaveLength(14);
      expect(d.perDay.reduce((s, x) => s + x.total, 0)).toBeGreaterThanOrEqual(3);
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
      expect(d.perDay.at(-1)?.day).toBe(today);
      expect(d.pending).toBeGreaterThanOrEqual(1);
      expect(Date.parse(d.oldestPendingAt!)).toBeLessThanOrEqual(old.getTime() + 1000);
      expect(d.surges.map((x) => x.id)).toContain(a.id);
      const h = d.health.find((x) => x.id === a.id)!;
      expect(h).toMatchObject({ total: 3, heldPercent: 33.3, removedPercent: 33.3 });
      await updateSettings(db, { timeZone: "UTC" }, admin);
    });
  });
});
