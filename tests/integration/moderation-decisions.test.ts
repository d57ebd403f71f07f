// Moderator decisions, reports and appeals on a real database: state, counters, audit rows, messages.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { appeals, moderationActions, reports } from "@/db/schema";
import { appealComment, createAppeal, decideAppeal } from "@/lib/moderation/appeals";
import { listAudit } from "@/lib/moderation/audit";
import { decideComment, decideComments, decisionSchema } from "@/lib/moderation/decisions";
import { listQueue } from "@/lib/moderation/queue";
import { onReported } from "@/lib/moderation/reports";
import { endSurge } from "@/lib/moderation/surge";
import { updateSettings } from "@/lib/settings";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";
import { articleRow, commentRow, insertComment, makeArticle, makeUser, report } from "../helpers/moderation";

async function auditFor(db: Db, commentId: string) {
  return db.select().from(moderationActions).where(eq(moderationActions.targetId, commentId));
}

describe(`moderation decisions (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let mod: string;
  let mod2: string;
  let reader: string;
  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    mod = await makeUser(db, { role: "moderator", name: "Mo" });
    mod2 = await makeUser(db, { role: "moderator", name: "Max" });
    reader = await makeUser(db, { name: "Rita" });
  });
  afterAll(async () => {
    await closeDb();
    await t.close();
  });

  it("approving a held comment publishes it, counts it and writes one audit row; again is a no-op with a message", async () => {
    const a = await makeArticle(db);
    const id = await insertComment(db, {
      articleId: a.id,
      authorId: reader,
      status: "pending",
      decidedBy: "suspect_words",
    });
    const r = await decideComment(db, id, { action: "approve" }, mod);
    expect(r).toMatchObject({ changed: true, comment: { status: "approved" } });
    expect((await articleRow(db, a.id)).commentCount).toBe(1);
    const again = await decideComment(db, id, { action: "approve" }, mod);
    expect(again).toMatchObject({
      changed: false,
      message: "The comment is already approved; nothing changed.",
    });
    expect((await articleRow(db, a.id)).commentCount).toBe(1);
    const rows = await auditFor(db, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: mod, action: "comment.approve", targetType: "comment" });
  });

  it("rejecting needs a reason, which the author sees; a published comment leaves the count", async () => {
    expect(decisionSchema.safeParse({ action: "reject" }).error?.issues[0].path).toEqual(["reason"]);
    const a = await makeArticle(db);
    const id = await insertComment(db, { articleId: a.id, authorId: reader });
    await decideComment(db, id, { action: "feature" }, mod);
    const r = await decideComment(db, id, { action: "reject", reason: "Personal attack" }, mod);
    expect(r.comment).toMatchObject({ status: "rejected", statusReason: "Personal attack", featured: false });
    expect((await articleRow(db, a.id)).commentCount).toBe(0);
    expect(await commentRow(db, id)).toMatchObject({
      decidedBy: "moderator",
      statusReason: "Personal attack",
    });
    const [q] = (await listQueue(db, { status: "rejected", limit: 50 })).items.filter((i) => i.id === id);
    expect(q.explanation).toBe("Rejected by a moderator: Personal attack");
  });

  it("refuses unknown ids and featuring what is not published, changing nothing", async () => {
    expect(
      await failureOf(decideComment(db, "00000000-0000-4000-8000-000000000000", { action: "approve" }, mod)),
    ).toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect(await failureOf(decideComment(db, "not-a-uuid", { action: "spam" }, mod))).toMatchObject({
      status: 404,
    });
    const a = await makeArticle(db);
    const id = await insertComment(db, { articleId: a.id, authorId: reader, status: "pending" });
    expect(await failureOf(decideComment(db, id, { action: "pin" }, mod))).toMatchObject({
      status: 409,
      code: "not_published",
    });
    expect(await commentRow(db, id)).toMatchObject({ status: "pending", pinned: false });
    expect(await auditFor(db, id)).toHaveLength(0);
  });

  it("bulk decisions report per item", async () => {
    const a = await makeArticle(db);
    const ids = [
      await insertComment(db, { articleId: a.id, authorId: reader, status: "pending" }),
      await insertComment(db, { articleId: a.id, authorId: reader, status: "pending" }),
    ];
    const res = await decideComments(
      db,
      { ids: [...ids, "00000000-0000-4000-8000-000000000000"], action: "spam" },
      mod,
    );
    expect(res.map((r) => r.ok)).toEqual([true, true, false]);
    expect((await commentRow(db, ids[0])).status).toBe("spam");
  });

  it("hides a comment after R reports from distinct readers; a decision resolves its reports", async () => {
    const admin = await makeUser(db, { role: "admin" });
    await updateSettings(db, { reportHideThreshold: 2 }, admin);
    const a = await makeArticle(db);
    const id = await insertComment(db, { articleId: a.id, authorId: reader });
    const r1 = await makeUser(db);
    const r2 = await makeUser(db);
    await report(db, id, r1);
    expect(await onReported(db, id)).toEqual({ reportCount: 1, hidden: false, status: "approved" });
    await report(db, id, r2, "spam");
    expect(await onReported(db, id)).toEqual({ reportCount: 2, hidden: true, status: "pending" });
    expect(await commentRow(db, id)).toMatchObject({
      status: "pending",
      decidedBy: "reports",
      reportCount: 2,
    });
    expect((await articleRow(db, a.id)).commentCount).toBe(0);
    const reported = await listQueue(db, { status: "reported", limit: 50 });
    const item = reported.items.find((i) => i.id === id);
    expect(item?.reports).toEqual(
      expect.arrayContaining([
        { reason: "abuse", count: 1, notes: [] },
        { reason: "spam", count: 1, notes: [] },
      ]),
    );
    const d = await decideComment(db, id, { action: "approve" }, mod);
    expect(d.message).toBe("Comment approved. 2 open reports resolved.");
    const open = await db
      .select()
      .from(reports)
      .where(and(eq(reports.commentId, id), isNull(reports.resolvedAt)));
    expect(open).toHaveLength(0);
    expect((await listQueue(db, { status: "reported", limit: 50 })).items.some((i) => i.id === id)).toBe(
      false,
    );
    const actions = (await auditFor(db, id)).map((r) => r.action).sort();
    expect(actions).toEqual(["comment.approve", "comment.auto_hide"]);
  });

  it("appeals: once per comment; the moderator who rejected cannot decide it; another can overturn", async () => {
    const a = await makeArticle(db);
    const id = await insertComment(db, { articleId: a.id, authorId: reader });
    expect(await failureOf(createAppeal(db, id, reader, "please reconsider this"))).toMatchObject({
      status: 409,
      code: "not_appealable",
    });
    await decideComment(db, id, { action: "reject", reason: "Off topic" }, mod);
    const other = await makeUser(db);
    expect(await failureOf(createAppeal(db, id, other, "not mine but let me try"))).toMatchObject({
      status: 404,
    });
    const ap = await createAppeal(db, id, reader, "It was on topic, see the second paragraph.");
    expect(await failureOf(createAppeal(db, id, reader, "and again, please look"))).toMatchObject({
      status: 409,
      code: "already_appealed",
    });
    expect(await db.select().from(appeals).where(eq(appeals.commentId, id))).toHaveLength(1);
    expect(await failureOf(decideAppeal(db, ap.id, { outcome: "overturn" }, mod))).toMatchObject({
      status: 403,
      code: "own_decision",
    });
    const done = await decideAppeal(db, ap.id, { outcome: "overturn", note: "fair" }, mod2);
    expect(done).toMatchObject({ changed: true, appeal: { status: "overturned" } });
    expect((await commentRow(db, id)).status).toBe("approved");
    expect((await articleRow(db, a.id)).commentCount).toBe(1);
    expect(await decideAppeal(db, ap.id, { outcome: "uphold" }, mod2)).toMatchObject({ changed: false });
    const actions = (await auditFor(db, id)).map((r) => r.action).sort();
    expect(actions).toEqual(["appeal.overturn", "comment.reject"]);
  });

  it("appeals are limited to 5 a day per reader; a refused appeal spends nothing", async () => {
    const a = await makeArticle(db);
    const who = await makeUser(db, { name: "Appeals Many" });
    const rejected: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await insertComment(db, { articleId: a.id, authorId: who });
      await decideComment(db, id, { action: "reject", reason: "Off topic" }, mod);
      rejected.push(id);
    }
    await appealComment(db, rejected[0], who, "First appeal, on topic after all.");
    // refused appeals (already appealed, not appealable) do not count
    for (let i = 0; i < 3; i++)
      expect(await failureOf(appealComment(db, rejected[0], who, "Again, please."))).toMatchObject({
        status: 409,
        code: "already_appealed",
      });
    for (const id of rejected.slice(1, 5)) await appealComment(db, id, who, "Please look again at this one.");
    const sixth = await failureOf(appealComment(db, rejected[5], who, "One appeal too many today."));
    expect(sixth).toMatchObject({ status: 429, code: "rate_limited" });
    expect(sixth.message).toMatch(/appeals/);
    expect(await db.select().from(appeals).where(eq(appeals.commentId, rejected[5]))).toHaveLength(0);
  });

  it("the audit log has exactly one row per action, filterable, newest first", async () => {
    const a = await makeArticle(db);
    const id = await insertComment(db, { articleId: a.id, authorId: reader, status: "pending" });
    await decideComment(db, id, { action: "approve" }, mod);
    await decideComment(db, id, { action: "pin" }, mod);
    await decideComment(db, id, { action: "pin" }, mod); // no-op
    await decideComment(db, id, { action: "delete", reason: "duplicate thread" }, mod2);
    const log = await listAudit(db, { targetType: "comment", targetId: id, limit: 50 });
    expect(log.items.map((i) => i.action)).toEqual(["comment.delete", "comment.pin", "comment.approve"]);
    expect(log.items[0]).toMatchObject({ actor: { id: mod2, name: "Max" }, reason: "duplicate thread" });
    const byMax = await listAudit(db, { actor: mod2, targetId: id, limit: 50 });
    expect(byMax.items).toHaveLength(1);
    const paged = await listAudit(db, { targetId: id, limit: 2 });
    expect(paged.items).toHaveLength(2);
    const next = await listAudit(db, { targetId: id, limit: 2, cursor: paged.nextCursor! });
    expect(next.items.map((i) => i.action)).toEqual(["comment.approve"]);
  });

  it("a moderator can end a surge early; it is not on twice", async () => {
    const a = await makeArticle(db, { surgeUntil: new Date(Date.now() + 3600_000) });
    expect(await endSurge(db, a.id, mod)).toMatchObject({ changed: true });
    expect((await articleRow(db, a.id)).surgeUntil!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await endSurge(db, a.id, mod)).toMatchObject({ changed: false });
    expect(await failureOf(endSurge(db, "nope", mod))).toMatchObject({ status: 404 });
  });
});
