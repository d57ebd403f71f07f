// An admin can mark an account's e-mail address verified (audited); a moderator cannot.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { moderationActions, users } from "@/db/schema";
import { upsertUser } from "@/lib/auth/users";
import { markEmailVerified } from "@/lib/moderation/users";
import { createTestDb, dbKindLabel, type TestDb } from "../helpers/db";

describe(`mark e-mail verified (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sets email_verified once, records it, and refuses moderators", async () => {
    const mk = (email: string, role: "reader" | "moderator" | "admin", verified: boolean) =>
      upsertUser(db, { email, password: "Long-enough-pass-1", role, name: email, verified });
    const { user: reader } = await mk("unverified@verify.test", "reader", false);
    const { user: admin } = await mk("admin@verify.test", "admin", true);
    const { user: mod } = await mk("mod@verify.test", "moderator", true);
    await expect(
      markEmailVerified(db, reader.id, { id: mod.id, role: "moderator" } as never),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    const r = await markEmailVerified(db, reader.id, { id: admin.id, role: "admin" } as never);
    expect(r.changed).toBe(true);
    const [u] = await db.select().from(users).where(eq(users.id, reader.id));
    expect(u.emailVerified).not.toBeNull();
    const again = await markEmailVerified(db, reader.id, { id: admin.id, role: "admin" } as never);
    expect(again.changed).toBe(false);
    const log = await db.select().from(moderationActions).where(eq(moderationActions.targetId, reader.id));
    expect(log.map((a) => [a.action, a.actorId])).toEqual([["user.verify_email", admin.id]]);
  });
});
