// Quiet hours reach the reader before they type (the per-reader state carries the message), and a
// comment refused for quiet hours is neither listed as awaiting review nor appealable.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { articles } from "@/db/schema";
import { findUserById } from "@/lib/auth/users";
import { toViewer } from "@/lib/auth/viewer";
import { findCommentArticle } from "@/lib/comments/articles";
import { getViewerState } from "@/lib/comments/read";
import { postComment } from "@/lib/comments/write";
import { createAppeal } from "@/lib/moderation/appeals";
import { listOwnComments } from "@/lib/moderation/author-view";
import { makeArticle, makeUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

describe(`quiet hours up front (${dbKindLabel})`, () => {
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

  it("says so before posting, and a refused comment is not held nor appealable", async () => {
    const a = await makeArticle(db, "quiet-now");
    const hh = (h: number) => `${String((new Date().getUTCHours() + 24 + h) % 24).padStart(2, "0")}:00`;
    await db
      .update(articles)
      .set({ quietStart: hh(-1), quietEnd: hh(2) })
      .where(eq(articles.id, a.id));
    const article = (await findCommentArticle(db, a.slug))!;
    const anon = await getViewerState(db, null, article, { ok: true });
    expect(anon.closedMessage).toMatch(
      new RegExp(`closed between ${hh(-1)} and ${hh(2)}.*reopen at ${hh(2)}`),
    );
    expect(anon.limits).toMatchObject({ minLength: expect.any(Number), maxLength: expect.any(Number) });

    const who = await makeUser(db, "night-owl");
    const r = await postComment(db, who, {
      slug: a.slug,
      body: "Posting during quiet hours.",
      ipHash: "ip-q",
    });
    expect(r.status).toBe("rejected");
    const viewer = toViewer((await findUserById(db, who.id))!, "session");
    const mine = await getViewerState(db, viewer, article, { ok: true });
    expect(mine.pending.map((c) => c.id)).not.toContain(r.id);
    expect(mine.closedMessage).toBeTruthy();
    await expect(createAppeal(db, r.id, who.id, "Please let it through.")).rejects.toMatchObject({
      code: "not_appealable",
    });
    const own = await listOwnComments(db, who.id);
    expect(own.find((c) => c.id === r.id)?.mayAppeal).toBe(false);
  });
});
