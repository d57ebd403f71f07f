// Issue 12's holes in the comment domain, each test named after its hole, on a real database: an edit
// that undid a moderator's decision (2), staff reads that checked the role but not the account's status
// (6), comments of unpublished articles readable by id (15), and an empty parentId posting a top-level
// comment (16).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { articles, comments, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { readCommentPage } from "@/lib/comments/cached";
import { getCommentContext, getCommentForViewer, getReplies } from "@/lib/comments/read";
import { reportComment } from "@/lib/comments/reports";
import { voteOnComment } from "@/lib/comments/votes";
import { deleteComment, editComment, postComment } from "@/lib/comments/write";
import { decideComment } from "@/lib/moderation/decisions";
import { countComments, makeArticle, makeUser, setStatus, type TestUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";

let t: TestDb;
let db: Db;
let alice: TestUser;
let bob: TestUser;
let mod: TestUser;

beforeAll(async () => {
  t = await createTestDb();
  await useAsProcessDb(t);
  process.env.AGORA_COMMENT_EDIT_MINUTES = "15";
  db = await getDb();
  alice = await makeUser(db, "alice");
  bob = await makeUser(db, "bob");
  mod = await makeUser(db, "mod");
  await db.update(users).set({ role: "moderator" }).where(eq(users.id, mod.id));
});
afterAll(async () => {
  await closeDb();
  await t.close();
});

const post = (slug: string, who: TestUser, body: string, parentId?: string | null) =>
  postComment(db, who, { slug, body, parentId, ipHash: "holes-ip" });
const edit = (who: TestUser, id: string, body: string) =>
  editComment(db, who, id, { body, ipHash: "holes-ip" });

function viewer(u: TestUser, over: Partial<Viewer> = {}): Viewer {
  return {
    id: u.id,
    name: u.name,
    email: null,
    role: u.role,
    status: "active",
    suspendedUntil: null,
    statusReason: null,
    emailVerified: true,
    showPollTag: false,
    createdAt: new Date(),
    via: "session",
    ...over,
  };
}
const moderator = (over: Partial<Viewer> = {}) => viewer(mod, { role: "moderator", ...over });

async function statusOf(id: string) {
  const [c] = await db.select({ status: comments.status }).from(comments).where(eq(comments.id, id));
  return c?.status;
}

describe(`issue 12 holes in the comment domain (${dbKindLabel})`, () => {
  it("hole 2: an author cannot edit a comment a moderator rejected, marked as spam or removed (409 decided_by_moderator, pointing to the appeal)", async () => {
    const a = await makeArticle(db, "hole2-decided");
    for (const action of ["reject", "spam", "delete"] as const) {
      const c = await post(a.slug, alice, `A point to be judged (${action}).`);
      await decideComment(db, c.id, { action, reason: "judged off-topic" }, mod.id);
      const before = await statusOf(c.id);
      const f = await failureOf(edit(alice, c.id, `The same point, reworded after the ${action}.`));
      expect(f.status, action).toBe(409);
      expect(f.code, action).toBe("decided_by_moderator");
      expect(f.message, action).toMatch(/appeal/i);
      expect(await statusOf(c.id), action).toBe(before);
      if (action !== "delete")
        expect((await getCommentForViewer(db, viewer(alice), c.id)).body).toBe(
          `A point to be judged (${action}).`,
        );
    }
  });

  it("hole 2: an edit of a held comment stays held and goes through the pipeline again", async () => {
    const a = await makeArticle(db, "hole2-held");
    const c = await post(a.slug, alice, "Held for now, with a suspect word.");
    await setStatus(db, c.id, "pending", "suspect_words", "suspect_word");
    const r = await edit(alice, c.id, "Held for now, the word is gone.");
    expect(r.status).toBe("pending");
    expect(r.message).toMatch(/held for review/i);
    expect(await statusOf(c.id)).toBe("pending");
    expect(JSON.stringify(await readCommentPage(a.slug, "new", null))).not.toContain("the word is gone");
    await failureOf(getCommentForViewer(db, viewer(bob), c.id)).then((f) => expect(f.status).toBe(404));
    // the pipeline still runs: a stricter verdict (a duplicate of the author's own recent comment) wins
    await post(a.slug, alice, "A sentence posted twice in a row.");
    const dup = await edit(alice, c.id, "A sentence posted twice in a row.");
    expect(dup.status).toBe("rejected");
  });

  it("hole 2: an edit of an approved comment (a moderator approved it) goes through the pipeline as before", async () => {
    const a = await makeArticle(db, "hole2-approved");
    const c = await post(a.slug, alice, "Approved and then edited.");
    await setStatus(db, c.id, "pending", "reports", "reported");
    await decideComment(db, c.id, { action: "approve" }, mod.id);
    const r = await edit(alice, c.id, "Approved and then edited, with a typo fixed.");
    expect(r.status).toBe("approved");
    expect(r.comment.bodyHtml).toContain("typo fixed");
    // its author deleting it afterwards is not a moderator's removal: the usual "deleted" answer
    await deleteComment(db, alice, c.id);
    expect(await failureOf(edit(alice, c.id, "Back from the dead?"))).toMatchObject({
      status: 409,
      code: "deleted",
    });
  });

  it("hole 6: a banned or suspended moderator cannot read held comments through GET /api/v1/comments/{id}", async () => {
    const a = await makeArticle(db, "hole6");
    const c = await post(a.slug, alice, "Held text only staff may read qh6.");
    await setStatus(db, c.id, "pending", "suspect_words", "suspect_word");
    const active = await getCommentForViewer(db, moderator(), c.id);
    expect(active.body).toContain("qh6");
    for (const restricted of [
      moderator({ status: "banned" }),
      moderator({ status: "suspended", suspendedUntil: new Date(Date.now() + 3600_000) }),
      viewer(mod, { role: "admin", status: "banned" }),
    ]) {
      const f = await failureOf(getCommentForViewer(db, restricted, c.id));
      expect(f.status, restricted.status).toBe(404);
    }
    // a published comment reads like a reader's: no source text for a restricted moderator
    const pub = await post(a.slug, bob, "Published, its source is staff-only.");
    expect((await getCommentForViewer(db, moderator({ status: "banned" }), pub.id)).body).toBeUndefined();
    expect((await getCommentForViewer(db, moderator(), pub.id)).body).toBe(
      "Published, its source is staff-only.",
    );
  });

  it("hole 15: comments of an unpublished or scheduled article are 404 by id and through /replies", async () => {
    for (const hide of [
      { status: "draft" as const },
      { publishedAt: new Date(Date.now() + 24 * 3600_000) },
    ]) {
      const a = await makeArticle(db, `hole15-${hide.status ?? "scheduled"}`);
      const root = await post(
        a.slug,
        alice,
        `A comment before the article was taken down (${hide.status ?? "scheduled"}).`,
      );
      expect(root.status, root.message).toBe("approved");
      await post(a.slug, bob, "A reply to it.", root.id);
      await db.update(articles).set(hide).where(eq(articles.id, a.id));
      const label = hide.status ?? "scheduled";
      expect((await failureOf(getCommentForViewer(db, null, root.id))).status, label).toBe(404);
      expect((await failureOf(getCommentForViewer(db, viewer(alice), root.id))).status, label).toBe(404);
      expect((await failureOf(getReplies(db, root.id, {}))).status, label).toBe(404);
      expect(await getCommentContext(db, a.slug, root.id), label).toBeNull();
      // nor can it be voted on or reported meanwhile
      expect((await failureOf(voteOnComment(db, bob, root.id, 1))).status, label).toBe(404);
      expect(
        (await failureOf(reportComment(db, bob, root.id, { reason: "spam" } as never))).status,
        label,
      ).toBe(404);
      // staff still reach it (the moderation queue and the editor work on unpublished articles)
      expect((await getCommentForViewer(db, moderator(), root.id)).id).toBe(root.id);
    }
  });

  it('hole 16: parentId "" is 422 invalid_parent, and nothing is stored', async () => {
    const a = await makeArticle(db, "hole16");
    const before = await countComments(db);
    const f = await failureOf(post(a.slug, alice, "Empty parent marker, should be refused.", ""));
    expect(f).toMatchObject({ status: 422, code: "invalid_parent", field: "parentId" });
    expect(await countComments(db)).toBe(before);
    // null and absent still post a top-level comment
    expect((await post(a.slug, alice, "A top-level comment.", null)).comment.parentId).toBeNull();
  });
});
