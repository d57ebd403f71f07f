// Notifications on a real database (PostgreSQL with DATABASE_URL, PGlite otherwise) and a real SMTP
// sink: the outbox written with the change, fan-out once, held replies silent until approved, mentions,
// exactly-once mail with two queue workers, folding over the hourly limit into a digest, signed
// unsubscribe links (forgeries refused) and webhook signatures.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, type Db, getDb, getDbHandle } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { postComment } from "@/lib/comments/write";
import { rowsOf } from "@/lib/db";
import { decideComment } from "@/lib/moderation/decisions";
import { processOutbox } from "@/lib/notifications/fanout";
import { sendDigests, sendNotificationMail } from "@/lib/notifications/mail";
import { linkMentions, mentionedHandles } from "@/lib/notifications/mentions";
import { readPrefs, writePrefs } from "@/lib/notifications/prefs";
import { createNotifier, type Notifier } from "@/lib/notifications/queue";
import {
  applyUnsubscribe,
  isFollowing,
  listNotifications,
  markRead,
  setFollow,
} from "@/lib/notifications/read";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/notifications/tokens";
import {
  attemptDelivery,
  createTestDelivery,
  createWebhook,
  disabledWebhooks,
  verifySignature,
} from "@/lib/notifications/webhooks";
import { updateSettings } from "@/lib/settings";
import { makeArticle, makeUser, type TestUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";
import { startMailSink } from "../helpers/mail-sink.mjs";

let t: TestDb;
let db: Db;
let sink: Awaited<ReturnType<typeof startMailSink>>;
let ana: TestUser;
let bob: TestUser;
let mod: TestUser;
let slug: string;

const post = (who: TestUser, body: string, parentId?: string) =>
  postComment(db, who, { slug, body, parentId, ipHash: "test-ip" });

async function drainAll() {
  while ((await processOutbox(db)).events) {}
}

beforeAll(async () => {
  t = await createTestDb();
  await useAsProcessDb(t);
  db = await getDb();
  sink = await startMailSink();
  process.env.SMTP_URL = sink.url;
  process.env.AUTH_URL = "http://news.test";
  ana = await makeUser(db, "Ana Reader");
  bob = await makeUser(db, "Bob");
  mod = await makeUser(db, "Mod");
  await db.execute(sql`update users set role = 'moderator' where id = ${mod.id}`);
  slug = (await makeArticle(db, "notify-article")).slug;
});
afterAll(async () => {
  await sink?.close();
  await closeDb();
  await t.close();
  delete process.env.SMTP_URL;
});

describe(`notifications (${dbKindLabel})`, () => {
  it("records the event in the posting statement and notifies the parent's author once", async () => {
    const x = await post(ana, "Was the treaty ever ratified, does anyone know?");
    const r = await post(bob, "It was signed but never ratified.", x.id);
    expect(r.status).toBe("approved");
    const [ev] = await rowsOf<{ type: string }>(
      db,
      sql`select type from notification_outbox where comment_id = ${r.id}`,
    );
    expect(ev.type).toBe("comment.created");
    await drainAll();
    await drainAll();
    const list = await listNotifications(db, ana.id);
    const mine = list.notifications.filter((n) => n.commentId === r.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "reply", read: false, url: `/articles/${slug}/comments/${r.id}` });
    expect(list.unread).toBeGreaterThanOrEqual(1);
    // bob wrote it: nothing for him
    expect((await listNotifications(db, bob.id)).notifications).toHaveLength(0);
    const m = await markRead(db, ana.id, { ids: [mine[0].id] });
    expect(m.marked).toBe(1);
    expect((await listNotifications(db, ana.id)).notifications.find((n) => n.id === mine[0].id)?.read).toBe(
      true,
    );
    // a forged cursor (a date PostgreSQL refuses, not a uuid) is a 422 on "cursor", never a 500
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    for (const cursor of [
      b64(`-271821-04-20T00:00:00.000Z|${mine[0].id}`),
      b64("2026-01-01T00:00:00.000Z|------------------------------------"),
      b64("March 7|x"),
      "%%%",
    ]) {
      const bad = await failureOf(listNotifications(db, ana.id, { cursor }));
      expect(bad, cursor).toMatchObject({ status: 422, field: "cursor" });
    }
  });

  it("a held reply notifies nobody until a moderator approves it", async () => {
    await updateSettings(db, { suspectWords: ["zzheld"] }, mod.id);
    const x = await post(ana, "Another question for the thread?");
    const h = await post(bob, "A held answer zzheld here.", x.id);
    expect(h.status).toBe("pending");
    await drainAll();
    const before = await db.select().from(notifications).where(eq(notifications.commentId, h.id));
    expect(before).toHaveLength(0);
    await decideComment(db, h.id, { action: "approve" }, mod.id);
    await drainAll();
    const after = await db.select().from(notifications).where(eq(notifications.commentId, h.id));
    expect(after.map((n) => [n.userId, n.kind]).sort()).toEqual(
      [
        [ana.id, "reply"],
        [bob.id, "approved"],
      ].sort(),
    );
    // removing it withdraws the unread reply notification, and tells its author why
    await decideComment(db, h.id, { action: "reject", reason: "off topic" }, mod.id);
    await drainAll();
    const rows = await db.select().from(notifications).where(eq(notifications.commentId, h.id));
    expect(rows.map((n) => n.kind).sort()).toEqual(["approved", "rejected"]);
    expect(rows.find((n) => n.kind === "rejected")?.data.reason).toBe("off topic");
  });

  it("mentions link to the profile and notify at most five readers", async () => {
    expect(mentionedHandles("hi @Ana and @bob-x, not `@code` nor a@b.c")).toEqual(["ana", "bob-x"]);
    expect(linkMentions("thanks @ana-reader!")).toBe("thanks [@ana-reader](/readers/ana-reader)!");
    const handleOf = async (id: string) =>
      (await db.select({ h: users.handle }).from(users).where(eq(users.id, id)))[0].h as string;
    const many = await Promise.all(
      ["Mia One", "Mia Two", "Mia Three", "Mia Four", "Mia Five", "Mia Six"].map((n) => makeUser(db, n)),
    );
    const handles = (await Promise.all(many.map((u) => handleOf(u.id)))).map((h) => `@${h}`).join(" ");
    const c = await post(bob, `Hello ${handles} and @${await handleOf(ana.id)}`);
    expect(c.comment?.bodyHtml).toContain(`href="/readers/${await handleOf(many[0].id)}"`);
    await drainAll();
    const rows = await db.select().from(notifications).where(eq(notifications.commentId, c.id));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.kind === "mention")).toBe(true);
    expect(rows.map((r) => r.userId).sort()).toEqual(
      many
        .slice(0, 5)
        .map((u) => u.id)
        .sort(),
    );
  });

  it("thread follows: an explicit follow and a replier's automatic one notify; unfollowing stops it", async () => {
    const carl = await makeUser(db, "Carl Follower");
    const dee = await makeUser(db, "Dee Replier");
    const root = await post(ana, "A thread worth following, about harbours.");
    await drainAll();
    const kinds = async (u: TestUser, commentId: string) =>
      (
        await db
          .select({ kind: notifications.kind })
          .from(notifications)
          .where(and(eq(notifications.userId, u.id), eq(notifications.commentId, commentId)))
      ).map((n) => n.kind);
    // carl follows without writing; an id that is no comment is a 404, never a 500
    await setFollow(db, carl.id, root.id, true);
    expect(await isFollowing(db, carl.id, root.id)).toBe(true);
    expect((await failureOf(setFollow(db, carl.id, "-".repeat(36), true))).status).toBe(404);
    expect(await isFollowing(db, carl.id, "-".repeat(36))).toBe(false);
    const r1 = await post(dee, "Dee joins the harbour thread.", root.id);
    await drainAll();
    expect(await kinds(carl, r1.id)).toEqual(["follow"]);
    expect(await kinds(ana, r1.id)).toEqual(["reply"]);
    // dee replied, so she follows the thread now: bob's reply reaches her and carl
    const r2 = await post(bob, "Bob answers the harbour thread too.", root.id);
    await drainAll();
    expect(await kinds(dee, r2.id)).toEqual(["follow"]);
    expect(await kinds(carl, r2.id)).toEqual(["follow"]);
    // carl stops following: the next reply does not reach him
    await setFollow(db, carl.id, r2.id, false);
    expect(await isFollowing(db, carl.id, root.id)).toBe(false);
    const r3 = await post(dee, "Dee again, on harbours.", root.id);
    await drainAll();
    expect(await kinds(carl, r3.id)).toEqual([]);
    expect(await kinds(bob, r3.id)).toEqual(["follow"]);
  });

  it("delivers each mail exactly once with two queue workers sharing the database", async () => {
    process.env.AGORA_NOTIFY_MAILS_PER_HOUR = "1000";
    const root = await post(ana, "A question that will get many answers?");
    await drainAll();
    const start = sink.messages.length;
    const workers: Notifier[] = [];
    const h = await getDbHandle();
    for (let i = 0; i < 2; i++)
      workers.push(
        await createNotifier({
          db,
          kind: h.kind,
          url: h.url,
          pglite: h.pglite,
          schedule: false,
          pollingIntervalSeconds: 0.5,
        }),
      );
    try {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++)
        ids.push((await post(bob, `Answer number ${i} to the question.`, root.id)).id);
      // both instances hear the outbox and race for it
      await Promise.all([workers[0].drain(), workers[1].drain(), workers[0].drain()]);
      await sink.waitFor((m) => m.length - start >= 30, 15_000);
      // the rows are marked sent after the mail went out: polled, with a deadline
      await vi.waitFor(
        async () => {
          const [r] = await rowsOf<{ n: number }>(
            db,
            sql`select count(*)::int as n from notifications where user_id = ${ana.id} and kind = 'reply' and mail_state <> 'sent' and comment_id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`,
          );
          expect(Number(r.n), "notifications not marked sent yet").toBe(0);
        },
        { timeout: 15_000, interval: 50 },
      );
      // a straggling duplicate job would arrive within a polling interval or two
      await workers[0].drain();
      const mine = sink.messages.slice(start);
      const perReply = ids.map((id) => mine.filter((m) => m.body.includes(id)).length);
      expect(perReply).toEqual(ids.map(() => 1));
      // every mail carries the one-click unsubscribe headers (RFC 8058) besides the link in its text
      for (const m of mine) {
        const headers = m.body.replace(/\r?\n[ \t]+/g, " "); // unfolded
        expect(headers).toMatch(/^List-Unsubscribe: <https?:\/\/[^>\s]+\/unsubscribe[^>\s]*>/im);
        expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
      }
      // sending the same notification again does nothing
      const [one] = await db.select().from(notifications).where(eq(notifications.commentId, ids[0]));
      expect(await sendNotificationMail(db, one.id)).toBe("skipped");
    } finally {
      for (const w of workers) await w.stop();
    }
  });

  it("folds mails over the hourly limit into the next digest", async () => {
    process.env.AGORA_NOTIFY_MAILS_PER_HOUR = "2";
    const carl = await makeUser(db, "Carl Digest");
    const root = await post(carl, "Carl asks something?");
    await drainAll();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(bob, `Reply ${i} for Carl.`, root.id)).id);
    await drainAll();
    const rows = await db.select().from(notifications).where(eq(notifications.userId, carl.id));
    const outcomes = [];
    for (const r of rows.filter((r) => r.mailState === "pending"))
      outcomes.push(await sendNotificationMail(db, r.id));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(2);
    expect(outcomes.filter((o) => o === "folded")).toHaveLength(3);
    const start = sink.messages.length;
    expect(await sendDigests(db)).toBeGreaterThanOrEqual(1);
    const digest = sink.messages.slice(start).filter((m) => m.body.includes(ids[4]));
    expect(digest).toHaveLength(1);
    expect(digest[0].subject).toContain("3 new notifications");
    const folded = await db.select().from(notifications).where(eq(notifications.userId, carl.id));
    expect(folded.filter((r) => r.mailState === "digested")).toHaveLength(3);
    expect(await sendDigests(db)).toBe(0);
    process.env.AGORA_NOTIFY_MAILS_PER_HOUR = "1000";
  });

  it("unsubscribe links turn one kind off for one reader and cannot be forged", async () => {
    const token = unsubscribeToken(ana.id, "replies");
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: ana.id, category: "replies" });
    // another reader's id, another kind, or one changed character: refused
    const [u, k, sig] = token.split(".");
    const forgedUser = `${Buffer.from(bob.id).toString("base64url")}.${k}.${sig}`;
    const forgedKind = `${u}.mentions.${sig}`;
    const flipped = `${u}.${k}.${sig.slice(0, 10)}${sig[10] === "A" ? "B" : "A"}${sig.slice(11)}`;
    for (const f of [forgedUser, forgedKind, flipped, "", "a.b.c", `${token}x`])
      expect(await applyUnsubscribe(db, f)).toBeNull();
    expect((await readPrefs(db, bob.id)).replies).toBe("immediately");
    expect(await applyUnsubscribe(db, token)).toEqual({ category: "replies", value: "off" });
    expect(await readPrefs(db, ana.id)).toMatchObject({
      replies: "off",
      mentions: "immediately",
      follows: "off",
    });
    // and a reply now notifies in the app only
    const x = await post(ana, "Ana asks once more?");
    await drainAll();
    const r = await post(bob, "Bob answers once more.", x.id);
    await drainAll();
    const [n] = await db.select().from(notifications).where(eq(notifications.commentId, r.id));
    expect(n.mailState).toBe("none");
    await writePrefs(db, ana.id, { replies: "immediately" });
  });

  it("signs webhook deliveries with a timestamp (5-minute window) and logs the answer", async () => {
    process.env.AGORA_WEBHOOK_ALLOW_PRIVATE = "1";
    const got: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    const server = http.createServer((req, res) => {
      const c: Buffer[] = [];
      req.on("data", (d) => c.push(d));
      req.on("end", () => {
        got.push({ headers: req.headers, body: Buffer.concat(c).toString("utf8") });
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("x".repeat(5000));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as AddressInfo).port;
      const hook = await createWebhook(
        db,
        {
          url: `http://127.0.0.1:${port}/hook`,
          events: ["comment.approved"],
          secret: "s3cret-s3cret-s3cret",
        },
        mod.id,
      );
      const c = await post(bob, "A comment for the newsroom webhook.");
      const fan = await processOutbox(db);
      expect(fan.deliveries.length).toBeGreaterThanOrEqual(1);
      for (const d of fan.deliveries) expect(await attemptDelivery(db, d)).toBe("delivered");
      const hit = got.find((g) => g.body.includes(c.id));
      expect(hit).toBeTruthy();
      expect(JSON.parse(hit!.body)).toMatchObject({
        event: "comment.approved",
        data: { comment: { id: c.id } },
      });
      const sig = String(hit!.headers["x-agora-signature"]);
      expect(verifySignature("s3cret-s3cret-s3cret", hit!.body, sig)).toBe(true);
      expect(verifySignature("wrong-secret-wrong", hit!.body, sig)).toBe(false);
      expect(verifySignature("s3cret-s3cret-s3cret", hit!.body, sig, Date.now() + 301_000)).toBe(false);
      const [log] = await rowsOf<{ response_code: number; response_body: string }>(
        db,
        sql`select response_code, response_body from webhook_deliveries where webhook_id = ${hook.id}`,
      );
      expect(log.response_code).toBe(200);
      expect(log.response_body.length).toBeLessThanOrEqual(1024);
    } finally {
      server.close();
      delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
    }
  });

  it("tells an author when a moderator features their comment", async () => {
    const c = await post(bob, "Material worth featuring, surely.");
    await drainAll();
    await decideComment(db, c.id, { action: "feature" }, mod.id);
    await drainAll();
    const rows = await db.select().from(notifications).where(eq(notifications.commentId, c.id));
    expect(rows.filter((r) => r.userId === bob.id).map((r) => r.kind)).toEqual(["featured"]);
  });

  it("refuses private targets, and disables an endpoint whose deliveries failed for 24 hours", async () => {
    delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
    await expect(
      createWebhook(db, { url: "http://10.0.0.1/hook", events: ["comment.created"] }, mod.id),
    ).rejects.toThrow(/not allowed/);
    process.env.AGORA_WEBHOOK_ALLOW_PRIVATE = "1";
    const server = http.createServer((_req, res) => {
      res.writeHead(500);
      res.end("down");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as AddressInfo).port;
      const hook = await createWebhook(
        db,
        { url: `http://127.0.0.1:${port}/h`, events: ["comment.created"] },
        mod.id,
      );
      expect(hook.secret).toMatch(/^whsec_/);
      const id = await createTestDelivery(db, hook.id);
      expect(await attemptDelivery(db, id)).toBe("retry");
      expect((await disabledWebhooks(db)).map((w) => w.id)).not.toContain(hook.id);
      // as if the endpoint had been failing, and this delivery retrying, for 25 hours
      await db.execute(
        sql`update webhooks set failing_since = now() - interval '25 hours' where id = ${hook.id}`,
      );
      await db.execute(
        sql`update webhook_deliveries set created_at = now() - interval '25 hours' where id = ${id}`,
      );
      expect(await attemptDelivery(db, id)).toBe("failed");
      expect((await disabledWebhooks(db)).map((w) => w.id)).toContain(hook.id);
      const [d] = await rowsOf<{ status: string; attempts: number; response_code: number }>(
        db,
        sql`select status, attempts, response_code from webhook_deliveries where id = ${id}`,
      );
      expect(d).toMatchObject({ status: "failed", attempts: 2, response_code: 500 });
    } finally {
      server.close();
      delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
    }
  });
});
