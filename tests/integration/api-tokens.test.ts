// Issue 12, hole 5: API tokens end with everything that ends the account's sessions (sign out
// everywhere, password change, ban, role change, deletion) and with a suspension; a token acts with the
// role its account has now, never more than it was made with; a token may not delete the account,
// change the password, export personal data or manage sessions and tokens (403 token_not_allowed).
// Driven through the real route handlers on a real database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportGet } from "@/app/api/v1/account/export/route";
import { POST as passwordPost } from "@/app/api/v1/account/password/route";
import { DELETE as accountDelete } from "@/app/api/v1/account/route";
import { DELETE as sessionsDelete } from "@/app/api/v1/account/sessions/route";
import { POST as tokensPost } from "@/app/api/v1/account/tokens/route";
import { GET as meGet } from "@/app/api/v1/me/route";
import { closeDb, type Db, getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { changePassword, signOutEverywhere } from "@/lib/auth/account";
import { deleteAccount } from "@/lib/auth/account-deletion";
import { createToken } from "@/lib/auth/api-tokens";
import { upsertUser } from "@/lib/auth/users";
import { getViewer, toViewer } from "@/lib/auth/viewer";
import { setUserRole, setUserStatus } from "@/lib/moderation/users";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

const BASE = "http://agora.test";
const PASSWORD = "Token-owner-pass-1";

describe(`API tokens (hole 5, ${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let admin: Awaited<ReturnType<typeof upsertUser>>["user"];
  let n = 0;
  const moderator = async (role: "moderator" | "admin" = "moderator") =>
    (
      await upsertUser(db, {
        email: `tok${++n}@tokens.test`,
        password: PASSWORD,
        role,
        name: `Token owner ${n}`,
        verified: true,
      })
    ).user;
  const bearer = (secret: string, method = "GET", body?: unknown) =>
    new Request(`${BASE}/api/v1/x`, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        origin: BASE,
        "x-agora-client-ip": "192.0.2.7",
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const viewerOf = (secret: string) => getViewer(bearer(secret));
  const adminActor = () => toViewer(admin, "session");

  beforeAll(async () => {
    process.env.AUTH_URL = BASE;
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    admin = await moderator("admin");
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("a fresh token acts as its moderator", async () => {
    const m = await moderator();
    const { secret } = await createToken(db, m.id, "tool");
    expect(await viewerOf(secret)).toMatchObject({ id: m.id, role: "moderator", via: "token" });
  });

  it("a token may not export data, change the password, delete the account or manage sessions/tokens", async () => {
    const m = await moderator();
    const { secret } = await createToken(db, m.id, "tool");
    const answers = [
      await exportGet(bearer(secret)),
      await passwordPost(
        bearer(secret, "POST", { currentPassword: PASSWORD, newPassword: "Another-pass-12345" }),
      ),
      await accountDelete(bearer(secret, "DELETE", { confirm: "delete my account", comments: "keep" })),
      await sessionsDelete(bearer(secret, "DELETE")),
      await tokensPost(bearer(secret, "POST", { name: "minted by a token" })),
    ];
    for (const r of answers) {
      expect(r.status).toBe(403);
      expect((await r.json()).error.code).toBe("token_not_allowed");
    }
    // nothing happened: the account, its password and the token are as they were
    const [u] = await db.select().from(users).where(eq(users.id, m.id));
    expect(u.deletedAt).toBeNull();
    expect(await viewerOf(secret)).not.toBeNull();
    expect(await db.select().from(apiTokens).where(eq(apiTokens.userId, m.id))).toHaveLength(1);
  });

  it("sign out everywhere ends the account's tokens", async () => {
    const m = await moderator();
    const { secret } = await createToken(db, m.id, "tool");
    await signOutEverywhere(db, toViewer(m, "session"));
    expect(await viewerOf(secret)).toBeNull();
    expect((await (await meGet(bearer(secret))).json()).user).toBeNull();
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, m.id));
    expect(row.revokedAt).not.toBeNull();
  });

  it("a password change ends the account's tokens", async () => {
    const m = await moderator();
    const { secret } = await createToken(db, m.id, "tool");
    await changePassword(db, toViewer(m, "session"), {
      currentPassword: PASSWORD,
      newPassword: "Brand-new-pass-4321",
    });
    expect(await viewerOf(secret)).toBeNull();
  });

  it("a ban and a suspension end the account's tokens", async () => {
    const a = await moderator();
    const b = await moderator();
    const ta = await createToken(db, a.id, "tool");
    const tb = await createToken(db, b.id, "tool");
    await setUserStatus(db, a.id, { status: "banned", note: "test" } as never, adminActor());
    await setUserStatus(
      db,
      b.id,
      { status: "suspended", until: new Date(Date.now() + 86_400_000).toISOString(), note: "test" } as never,
      adminActor(),
    );
    expect(await viewerOf(ta.secret)).toBeNull();
    expect(await viewerOf(tb.secret)).toBeNull();
    // reinstated: the suspended account's old token stays ended
    await setUserStatus(db, b.id, { status: "active" } as never, adminActor());
    expect(await viewerOf(tb.secret)).toBeNull();
  });

  it("a role change ends the account's tokens (demotion and promotion alike)", async () => {
    const a = await moderator();
    const b = await moderator();
    const ta = await createToken(db, a.id, "tool");
    const tb = await createToken(db, b.id, "tool");
    await setUserRole(db, a.id, "reader", adminActor());
    await setUserRole(db, b.id, "admin", adminActor());
    expect(await viewerOf(ta.secret)).toBeNull();
    expect(await viewerOf(tb.secret)).toBeNull();
  });

  it("a token never acts with more than the role it was made with, nor more than the account has now", async () => {
    const m = await moderator();
    const { secret } = await createToken(db, m.id, "tool");
    // a role raised outside the usual path (no session bump): the token still acts as moderator
    await db.update(users).set({ role: "admin" }).where(eq(users.id, m.id));
    expect((await viewerOf(secret))?.role).toBe("moderator");
    const adm = await moderator("admin");
    const t2 = await createToken(db, adm.id, "tool");
    await db.update(users).set({ role: "moderator" }).where(eq(users.id, adm.id));
    expect((await viewerOf(t2.secret))?.role).toBe("moderator");
    await db.update(users).set({ role: "reader" }).where(eq(users.id, adm.id));
    expect(await viewerOf(t2.secret)).toBeNull();
  });

  it("deleting the account ends its tokens", async () => {
    const m = await moderator();
    const { secret } = await createToken(db, m.id, "tool");
    await deleteAccount(db, toViewer(m, "session"), { confirm: "delete my account", comments: "keep" });
    expect(await viewerOf(secret)).toBeNull();
  });
});
