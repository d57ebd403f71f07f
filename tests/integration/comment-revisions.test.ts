// "Edited" opens a published comment's earlier versions for everyone; a removed comment's only for
// moderators.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { comments } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getRevisions } from "@/lib/comments/read";
import { editComment, postComment } from "@/lib/comments/write";
import { makeArticle, makeUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

describe(`comment revisions for everyone (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    process.env.AGORA_COMMENT_EDIT_MINUTES = "15";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("shows a published comment's history to anyone, a removed one's to moderators only", async () => {
    const a = await makeArticle(db, "revisions-open");
    const who = await makeUser(db, "editor");
    const c = await postComment(db, who, { slug: a.slug, body: "First words here.", ipHash: "ip-r" });
    await db.update(comments).set({ status: "approved" }).where(eq(comments.id, c.id));
    await editComment(db, who, c.id, { body: "Second words here.", ipHash: "ip-r" });
    await db.update(comments).set({ status: "approved" }).where(eq(comments.id, c.id));
    expect((await getRevisions(db, c.id, null)).map((r) => r.body)).toEqual(["First words here."]);
    await db.update(comments).set({ status: "deleted" }).where(eq(comments.id, c.id));
    await expect(getRevisions(db, c.id, null)).rejects.toMatchObject({ kind: "not_found" });
    const mod = { id: "m", role: "moderator", status: "active" } as Viewer;
    expect(await getRevisions(db, c.id, mod)).toHaveLength(1);
  });
});
