// Pinned threads head the first page of an article's comments under every sort, carry `pinned`, and
// are not repeated on later pages.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { parseRootCursor } from "@/lib/comments/cursor";
import { loadRootPage } from "@/lib/comments/queries";
import { postComment } from "@/lib/comments/write";
import { makeArticle, makeUsers } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

describe(`pinned comments (${dbKindLabel})`, () => {
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

  it("puts the pinned thread first under new, old and top, once", async () => {
    const article = await makeArticle(db, "pinned-order");
    const people = await makeUsers(db, 5, "pin");
    const ids: string[] = [];
    for (const [i, who] of people.entries()) {
      const r = await postComment(db, who, {
        slug: article.slug,
        body: `Comment number ${i}`,
        ipHash: `ip-${i}`,
      });
      ids.push(r.id);
    }
    await db.update(comments).set({ status: "approved" }).where(eq(comments.articleId, article.id));
    const pinned = ids[2];
    await db.update(comments).set({ pinned: true }).where(eq(comments.id, pinned));
    for (const sort of ["new", "old", "top"] as const) {
      const seen: string[] = [];
      let page = await loadRootPage(db, article, sort, null, 2);
      expect(page.comments[0]).toMatchObject({ id: pinned, pinned: true });
      expect(page.comments).toHaveLength(3);
      seen.push(...page.comments.map((c) => c.id));
      while (page.nextCursor) {
        page = await loadRootPage(db, article, sort, parseRootCursor(page.nextCursor, sort), 2);
        seen.push(...page.comments.map((c) => c.id));
      }
      expect(seen.filter((id) => id === pinned)).toHaveLength(1);
      expect([...seen].sort()).toEqual([...ids].sort());
    }
  });
});
