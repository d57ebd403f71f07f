// Ids in paths are checked as uuids before they reach a query: 36 hyphens (or any text of the right
// length) is "not found", never a 500 from PostgreSQL's uuid cast. One test per lookup that used a
// looser pattern.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { revokeToken } from "@/lib/auth/api-tokens";
import { getImportJob } from "@/lib/import/jobs";
import { isFollowing, setFollow } from "@/lib/notifications/read";
import { deleteWebhook, listDeliveries } from "@/lib/notifications/webhooks";
import { makeUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { failureOf } from "../helpers/errors";

const NOT_UUIDS = ["-".repeat(36), "g".repeat(36), "00000000-0000-0000-0000-00000000000g"];

describe(`ids that are not uuids (${dbKindLabel})`, () => {
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

  it("are not found by tokens, webhooks, imports and follows", async () => {
    const u = await makeUser(db, "Uuid Checker");
    for (const id of NOT_UUIDS) {
      expect((await failureOf(revokeToken(db, u.id, id))).status, id).toBe(404);
      expect((await failureOf(deleteWebhook(db, id))).status, id).toBe(404);
      expect((await failureOf(listDeliveries(db, id))).status, id).toBe(404);
      expect((await failureOf(getImportJob(id))).status, id).toBe(404);
      expect((await failureOf(setFollow(db, u.id, id, true))).status, id).toBe(404);
      expect(await isFollowing(db, u.id, id)).toBe(false);
    }
  });
});
