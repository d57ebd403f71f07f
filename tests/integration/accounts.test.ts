// Accounts on a real database (PostgreSQL or PGlite) with a real SMTP server: sign-up and its bad
// input, email confirmation links, profile and password changes, session revocation on every path that
// must end sessions, data export, account deletion (both choices) and moderators acting on accounts.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import {
  articles,
  commentRevisions,
  comments,
  commentVotes,
  moderationActions,
  pollOptions,
  polls,
  pollVotes,
  reports,
  type User,
  users,
  verificationTokens,
} from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { statusOf } from "@/lib/api/http";
import {
  changePassword,
  exportAccountData,
  resendVerification,
  signOutEverywhere,
  updateProfile,
} from "@/lib/auth/account";
import { deleteAccount, deleteInput } from "@/lib/auth/account-deletion";
import { checkDisplayName } from "@/lib/auth/display-name";
import { verifyEmailToken } from "@/lib/auth/email-verification";
import { verifyPassword } from "@/lib/auth/password";
import { DUPLICATE_EMAIL_MESSAGE, signUp } from "@/lib/auth/signup";
import { findUserByEmail, findUserById, upsertUser } from "@/lib/auth/users";
import { toViewer } from "@/lib/auth/viewer";
import { segment } from "@/lib/comments/tree";
import { type DomainError, Invalid } from "@/lib/errors";
import { setUserRole, setUserStatus, userStatusSchema as statusInput } from "@/lib/moderation/users";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";
import { findLink, startMailSink } from "../helpers/mail-sink.mjs";

type Sink = {
  url: string;
  messages: { to: string[]; subject: string; body: string }[];
  close(): Promise<void>;
};

describe(`accounts (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let sink: Sink;
  let ipCounter = 0;
  const ip = () => `198.51.100.${++ipCounter}`;

  const userCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
  const fresh = async (u: Pick<User, "id">) => (await findUserById(db, u.id))!;
  const viewerOf = async (u: Pick<User, "id">) => toViewer(await fresh(u), "session");
  const mailTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));
  let n = 0;
  const makeUser = async (over: Partial<Parameters<typeof upsertUser>[1]> = {}) =>
    (
      await upsertUser(db, {
        email: `user${++n}@accounts.test`,
        password: "Long-enough-pass-1",
        role: "reader",
        name: `User ${n}`,
        verified: true,
        ...over,
      })
    ).user;

  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_URL = "http://agora.test";
    process.env.AGORA_LIMIT_SIGNUP_IP = "3/3600";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    await seedContent(db);
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
    await sink?.close();
  });

  describe("sign-up", () => {
    const good = { name: "Grace Hopper", email: "grace@accounts.test", password: "Compilers-rule-1952" };
    const bad: [string, Record<string, unknown>, string, RegExp][] = [
      ["malformed email", { ...good, email: "grace.at.example" }, "email", /valid email address/],
      ["over-long email", { ...good, email: `${"a".repeat(250)}@x.test` }, "email", /at most 254/],
      ["short password", { ...good, password: "short-1" }, "password", /at least 10 characters/],
      ["common password", { ...good, password: "Password123" }, "password", /too common/],
      ["repeated character", { ...good, password: "aaaaaaaaaaaaaa" }, "password", /too common/],
      ["password = email", { ...good, password: "grace@accounts.test" }, "password", /email address/],
      ["over-long name", { ...good, name: "N".repeat(51) }, "name", /at most 50 characters/],
      ["empty name", { ...good, name: "   " }, "name", /Enter a display name/],
      ["invisible-only name", { ...good, name: "\u200b\u200b" }, "name", /display name|invisible/],
      ["markup in name", { ...good, name: "<b>Grace</b>" }, "name", /< >/],
      ["control character in name", { ...good, name: "Gra\u0007ce" }, "name", /control characters/],
      ["missing password", { name: "Grace", email: "g@accounts.test" }, "password", /Choose a password/],
      ["name not a string", { ...good, name: 42 }, "name", /Enter a display name/],
    ];
    it.each(bad)(
      "refuses a %s with a message naming the field, storing nothing",
      async (_, input, field, msg) => {
        const before = await userCount();
        const err = await signUp(db, input, { ip: "203.0.113.9" }).catch((e) => e);
        expect(err).toBeInstanceOf(Invalid);
        expect(statusOf(err)).toBe(422);
        expect(err.field).toBe(field);
        expect(err.message).toMatch(msg);
        expect(await userCount()).toBe(before);
      },
    );

    it("creates an unconfirmed reader, mails a confirmation link that works once", async () => {
      const user = await signUp(db, { ...good, email: "  Grace@Accounts.TEST " }, { ip: ip() });
      expect(user.email).toBe("grace@accounts.test");
      expect(user.role).toBe("reader");
      expect(user.emailVerified).toBeNull();
      expect(await verifyPassword(user.passwordHash, good.password)).toBe(true);
      const mail = mailTo("grace@accounts.test");
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toMatch(/Confirm your email/);
      const link = findLink(mail[0].body, "/verify-email");
      expect(link).toMatch(/^http:\/\/agora\.test\/verify-email\?id=/);
      // the token is stored hashed only
      const stored = await db.select().from(verificationTokens);
      const token = new URL(link!).searchParams.get("token")!;
      expect(stored.some((s) => s.token === token)).toBe(false);
      const url = new URL(link!);
      expect(await verifyEmailToken(db, url.searchParams.get("id"), "x".repeat(43))).toBe("invalid");
      expect(await verifyEmailToken(db, url.searchParams.get("id"), token)).toBe("verified");
      expect((await fresh(user)).emailVerified).toBeInstanceOf(Date);
      // a second click: already done, not an error
      expect(await verifyEmailToken(db, url.searchParams.get("id"), token)).toBe("already");
    });

    it("refuses a duplicate email whatever its case, storing nothing", async () => {
      const before = await userCount();
      const err = await failureOf(signUp(db, { ...good, email: "GRACE@accounts.test" }, { ip: ip() }));
      expect(err.status).toBe(422);
      expect(err.field).toBe("email");
      expect(err.message).toBe(DUPLICATE_EMAIL_MESSAGE);
      expect(await userCount()).toBe(before);
    });

    it("limits sign-ups per network (AGORA_LIMIT_SIGNUP_IP=3/3600), bad input not counted", async () => {
      const net = "192.0.2.77";
      for (let i = 0; i < 3; i++)
        await signUp(db, { ...good, email: `limit${i}@accounts.test` }, { ip: net });
      await signUp(db, { ...good, email: "bad" }, { ip: net }).catch(() => {});
      const err = await failureOf(signUp(db, { ...good, email: "limit9@accounts.test" }, { ip: net }));
      expect(err).toMatchObject({ status: 429, code: "rate_limited" });
      expect(err.message).toMatch(/Too many sign-ups from your network\. Try again in \d+ minutes?\./);
      expect(await findUserByEmail(db, "limit9@accounts.test")).toBeUndefined();
      // another network still can
      await expect(
        signUp(db, { ...good, email: "limit10@accounts.test" }, { ip: ip() }),
      ).resolves.toBeTruthy();
    });

    it("an expired confirmation link says so and confirms nothing; a new one replaces the old", async () => {
      const user = await signUp(db, { ...good, email: "late@accounts.test" }, { ip: ip() });
      const first = new URL(findLink(mailTo("late@accounts.test")[0].body, "/verify-email")!);
      await db
        .update(verificationTokens)
        .set({ expires: new Date(Date.now() - 1000) })
        .where(eq(verificationTokens.identifier, `verify-email:${user.id}`));
      expect(await verifyEmailToken(db, user.id, first.searchParams.get("token"))).toBe("expired");
      expect((await fresh(user)).emailVerified).toBeNull();
      await resendVerification(db, await viewerOf(user));
      const mails = mailTo("late@accounts.test");
      expect(mails).toHaveLength(2);
      const second = new URL(findLink(mails[1].body, "/verify-email")!);
      expect(await verifyEmailToken(db, user.id, second.searchParams.get("token"))).toBe("verified");
      // confirmed: asking again is a clear 409
      const err = await failureOf(resendVerification(db, await viewerOf(user)));
      expect(err.status).toBe(409);
    });
  });

  describe("display names", () => {
    it("normalises spaces and applies the rules", async () => {
      expect(await checkDisplayName("  Ada   Lovelace ")).toEqual({ ok: true, name: "Ada Lovelace" });
      expect((await checkDisplayName("x".repeat(51))).ok).toBe(false);
      expect((await checkDisplayName("a\u200bb")).ok).toBe(false);
      expect((await checkDisplayName(undefined)).ok).toBe(false);
      // hole 14: look-alike letters (Cyrillic А) do not beat the staff-name check
      const lookalike = await checkDisplayName("Site \u0410dmin");
      expect(lookalike).toMatchObject({ ok: false });
      if (!lookalike.ok) expect(lookalike.message).toContain("staff");
    });
  });

  describe("profile and password", () => {
    it("changes the name and the poll tag preference; a restricted account keeps its name", async () => {
      const u = await makeUser();
      expect(await updateProfile(db, await viewerOf(u), { name: "New Name", showPollTag: false })).toEqual({
        name: "New Name",
        showPollTag: false,
        handle: expect.stringMatching(/^[a-z0-9-]{3,30}$/),
        profileHidden: false,
        locale: "en",
      });
      const bad = await failureOf(updateProfile(db, await viewerOf(u), { name: "x".repeat(60) }));
      expect(bad.status).toBe(422);
      expect((await fresh(u)).name).toBe("New Name");
      const s = await makeUser({ status: "banned", statusReason: "spam" });
      const refused = await failureOf(updateProfile(db, await viewerOf(s), { name: "Renamed" }));
      expect(refused.status).toBe(403);
      expect(refused.message).toMatch(/banned: spam/);
      // the preference is not a write others see: allowed
      await expect(updateProfile(db, await viewerOf(s), { showPollTag: false })).resolves.toBeTruthy();
    });

    it("allows 10 account changes an hour per account: the 11th is 429 and changes nothing", async () => {
      const u = await makeUser();
      for (let i = 0; i < 10; i++)
        await updateProfile(db, await viewerOf(u), { showPollTag: i % 2 === 0, name: `Name ${i}` });
      const refused = await failureOf(updateProfile(db, await viewerOf(u), { name: "One Too Many" }));
      expect(refused).toMatchObject({ status: 429, code: "rate_limited" });
      expect(refused.message).toMatch(/account changes/);
      expect((await fresh(u)).name).toBe("Name 9");
    });

    it("needs the current password, refuses weak ones, and ends every session", async () => {
      const u = await makeUser();
      const v = await viewerOf(u);
      const sv = (await fresh(u)).sessionVersion;
      const wrong = await changePassword(db, v, {
        currentPassword: "not-the-password",
        newPassword: "Another-long-pass-2",
      }).catch((e) => e);
      expect(wrong.field).toBe("currentPassword");
      const weak = await changePassword(db, v, {
        currentPassword: "Long-enough-pass-1",
        newPassword: "qwertyuiop",
      }).catch((e) => e);
      expect(weak.field).toBe("newPassword");
      expect((await fresh(u)).sessionVersion).toBe(sv);
      await changePassword(db, v, {
        currentPassword: "Long-enough-pass-1",
        newPassword: "Another-long-pass-2",
      });
      const after = await fresh(u);
      expect(after.sessionVersion).toBe(sv + 1);
      expect(await verifyPassword(after.passwordHash, "Another-long-pass-2")).toBe(true);
    });
  });

  describe("session revocation", () => {
    it("sign out everywhere, a ban and a role change bump the session version; a suspension does not", async () => {
      const admin = await makeUser({ role: "admin" });
      const mod = await makeUser({ role: "moderator" });
      const u = await makeUser();
      const sv = async () => (await fresh(u)).sessionVersion;
      const v0 = await sv();
      await signOutEverywhere(db, await viewerOf(u));
      expect(await sv()).toBe(v0 + 1);
      const until = new Date(Date.now() + 86400_000).toISOString();
      await setUserStatus(db, u.id, { status: "suspended", until, note: "cool off" }, await viewerOf(mod));
      expect(await sv()).toBe(v0 + 1);
      expect(toViewer(await fresh(u), "session").status).toBe("suspended");
      await setUserStatus(db, u.id, { status: "banned", note: "spam" }, await viewerOf(mod));
      expect(await sv()).toBe(v0 + 2);
      await setUserStatus(db, u.id, { status: "active" }, await viewerOf(mod));
      expect((await fresh(u)).statusReason).toBeNull();
      await setUserRole(db, u.id, "moderator", await viewerOf(admin));
      expect(await sv()).toBe(v0 + 3);
      expect((await fresh(u)).role).toBe("moderator");
      const audit = await db.select().from(moderationActions).where(eq(moderationActions.targetId, u.id));
      expect(audit.map((a) => a.action)).toEqual(["user.suspend", "user.ban", "user.reinstate", "user.role"]);
    });

    it("refuses what an actor may not do, with clear statuses", async () => {
      const admin = await makeUser({ role: "admin" });
      const mod = await makeUser({ role: "moderator" });
      const reader = await makeUser();
      const code = (p: Promise<unknown>) => p.then(() => 200).catch((e: DomainError) => statusOf(e));
      expect(await code(setUserStatus(db, mod.id, { status: "banned" }, await viewerOf(reader)))).toBe(403);
      expect(await code(setUserStatus(db, admin.id, { status: "banned" }, await viewerOf(mod)))).toBe(403);
      expect(await code(setUserStatus(db, mod.id, { status: "banned" }, await viewerOf(mod)))).toBe(403);
      expect(await code(setUserStatus(db, "no-such-id", { status: "banned" }, await viewerOf(mod)))).toBe(
        404,
      );
      expect(await code(setUserRole(db, reader.id, "admin", await viewerOf(mod)))).toBe(403);
      expect(await code(setUserRole(db, admin.id, "reader", await viewerOf(admin)))).toBe(403);
      expect(statusInput.safeParse({ status: "suspended" }).success).toBe(false);
      expect(statusInput.safeParse({ status: "suspended", until: "2001-01-01T00:00:00Z" }).success).toBe(
        false,
      );
      expect(statusInput.safeParse({ status: "frozen" }).success).toBe(false);
      expect((await fresh(reader)).status).toBe("active");
    });
  });

  describe("download my data and delete my account", () => {
    async function commentOn(
      articleId: string,
      authorId: string,
      parent?: { id: string; rootId: string | null; path: string; depth: number },
    ) {
      const [row] = await db
        .insert(comments)
        .values({
          articleId,
          authorId,
          parentId: parent?.id ?? null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
          path: "-",
          body: `a comment by ${authorId}`,
          bodyHtml: `<p>a comment by ${authorId}</p>`,
          status: "approved",
        })
        .returning();
      // the thread path and root as lib/comments/write builds them (seq segments; a root is its own root)
      const [c] = await db
        .update(comments)
        .set({
          path: parent ? `${parent.path}.${segment(row.seq)}` : segment(row.seq),
          rootId: parent ? (parent.rootId ?? parent.id) : row.id,
        })
        .where(eq(comments.id, row.id))
        .returning();
      if (parent) {
        await db
          .update(comments)
          .set({ replyCount: sql`${comments.replyCount} + 1` })
          .where(eq(comments.id, parent.id));
        await db.execute(sql`
          with recursive up(id, parent_id) as (
            select id, parent_id from comments where id = ${parent.id}
            union all select p.id, p.parent_id from comments p join up on p.id = up.parent_id)
          update comments set descendant_count = descendant_count + 1 where id in (select id from up)`);
      }
      await db
        .update(articles)
        .set({ commentCount: sql`${articles.commentCount} + 1` })
        .where(eq(articles.id, articleId));
      return c;
    }
    const article = async () =>
      (await db.select().from(articles).where(eq(articles.slug, "will-russia-defend-maduro")))[0];
    const get = async (id: string) => (await db.select().from(comments).where(eq(comments.id, id)))[0];

    it("exports profile, comments, votes, poll votes and reports as JSON", async () => {
      const a = await article();
      const me = await makeUser({ name: "Exporter" });
      const other = await makeUser();
      const mine = await commentOn(a.id, me.id);
      const theirs = await commentOn(a.id, other.id);
      await db.insert(commentVotes).values({ commentId: theirs.id, userId: me.id, value: 1 });
      await db
        .insert(reports)
        .values({ commentId: theirs.id, reporterId: me.id, reason: "off_topic", note: "why" });
      const [poll] = await db.select().from(polls).limit(1);
      const [opt] = await db.select().from(pollOptions).where(eq(pollOptions.pollId, poll.id)).limit(1);
      await db
        .insert(pollVotes)
        .values({ pollId: poll.id, voterKey: `u:${me.id}`, userId: me.id, optionIds: [opt.id] });
      const data = await exportAccountData(db, await viewerOf(me));
      expect(data.profile).toMatchObject({ id: me.id, name: "Exporter", email: me.email, hasPassword: true });
      expect(JSON.stringify(data)).not.toContain("passwordHash");
      expect(JSON.stringify(data)).not.toContain("$argon2");
      expect(data.comments.map((c) => c.id)).toEqual([mine.id]);
      expect(data.comments[0].article).toBe("will-russia-defend-maduro");
      expect(data.commentVotes).toEqual([expect.objectContaining({ commentId: theirs.id, value: 1 })]);
      expect(data.reports).toEqual([
        expect.objectContaining({ commentId: theirs.id, reason: "off_topic", note: "why" }),
      ]);
      expect(data.pollVotes).toEqual([expect.objectContaining({ pollId: poll.id, options: [opt.label] })]);
    });

    it("refuses without the typed phrase or a choice, changing nothing", () => {
      expect(deleteInput.safeParse({ confirm: "yes", comments: "keep" }).success).toBe(false);
      expect(deleteInput.safeParse({ confirm: "delete my account" }).success).toBe(false);
      expect(deleteInput.safeParse({ confirm: " Delete My Account ", comments: "remove" }).success).toBe(
        true,
      );
    });

    it('"keep": comments stay as text-less "[deleted account]" placeholders; the account becomes a tombstone', async () => {
      const a = await article();
      const me = await makeUser({ email: "leaver@accounts.test" });
      const other = await makeUser();
      const root = await commentOn(a.id, me.id);
      const reply = await commentOn(a.id, other.id, root);
      await db.insert(commentRevisions).values({ commentId: root.id, body: "earlier words" });
      const countBefore = (await article()).commentCount;
      const sv = (await fresh(me)).sessionVersion;
      const r = await deleteAccount(db, await viewerOf(me), {
        confirm: "delete my account",
        comments: "keep",
      });
      expect(r).toEqual({ commentsRemoved: 0, commentsAnonymised: 1 });
      const placeholder = await get(root.id);
      expect(placeholder).toMatchObject({ status: "deleted", body: "", bodyHtml: "", authorId: null });
      expect(await db.select().from(commentRevisions).where(eq(commentRevisions.commentId, root.id))).toEqual(
        [],
      );
      expect((await get(reply.id)).status).toBe("approved");
      expect((await article()).commentCount).toBe(countBefore - 1);
      const tomb = await fresh(me);
      expect(tomb).toMatchObject({ email: null, name: null, passwordHash: null });
      expect(tomb.deletedAt).toBeInstanceOf(Date);
      expect(tomb.sessionVersion).toBe(sv + 1);
      // cannot sign in again; the address is free for a new account
      expect(await findUserByEmail(db, "leaver@accounts.test")).toBeUndefined();
      await expect(
        signUp(
          db,
          { name: "Back Again", email: "leaver@accounts.test", password: "Brand-new-pass-9" },
          { ip: ip() },
        ),
      ).resolves.toMatchObject({ email: "leaver@accounts.test" });
      expect((await findUserByEmail(db, "leaver@accounts.test"))!.id).not.toBe(me.id);
    });

    it('"remove": comments go entirely, except those others replied to; counters stay right', async () => {
      const a = await article();
      const me = await makeUser();
      const other = await makeUser();
      const lone = await commentOn(a.id, me.id); // nobody replied: removed
      const mineWithMyReply = await commentOn(a.id, me.id); // only my own reply below: both removed
      const myReply = await commentOn(a.id, me.id, mineWithMyReply);
      const answered = await commentOn(a.id, me.id); // someone else replied: stays as a placeholder
      const theirReply = await commentOn(a.id, other.id, answered);
      const myDeepReply = await commentOn(a.id, me.id, theirReply); // under someone else's: removed
      const countBefore = (await article()).commentCount;
      await db.insert(commentVotes).values({ commentId: lone.id, userId: other.id, value: 1 });
      const r = await deleteAccount(db, await viewerOf(me), {
        confirm: "delete my account",
        comments: "remove",
      });
      expect(r).toEqual({ commentsRemoved: 4, commentsAnonymised: 1 });
      for (const gone of [lone, mineWithMyReply, myReply, myDeepReply])
        expect(await get(gone.id)).toBeUndefined();
      expect(await get(answered.id)).toMatchObject({
        status: "deleted",
        body: "",
        authorId: null,
        replyCount: 1,
        descendantCount: 1,
      });
      expect(await get(theirReply.id)).toMatchObject({
        status: "approved",
        replyCount: 0,
        descendantCount: 0,
      });
      // 4 approved removed + 1 approved turned placeholder
      expect((await article()).commentCount).toBe(countBefore - 5);
      expect(await db.select().from(comments).where(eq(comments.authorId, me.id))).toEqual([]);
    });

    it("a second deletion of the same session is refused (401)", async () => {
      const me = await makeUser();
      const v = await viewerOf(me);
      await deleteAccount(db, v, { confirm: "delete my account", comments: "keep" });
      const err = await failureOf(deleteAccount(db, v, { confirm: "delete my account", comments: "keep" }));
      expect(err.status).toBe(401);
    });
  });
});
