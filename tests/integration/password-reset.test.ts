// "Forgot password" on a real database with a real SMTP server: the mail's link works once, sets the
// password, ends every other session, expires, and the request says nothing about unknown addresses.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { confirmPasswordReset, requestPasswordReset, resetLinkState } from "@/lib/auth/password-reset";
import { upsertUser } from "@/lib/auth/users";
import { DomainError } from "@/lib/errors";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { findLink, startMailSink } from "../helpers/mail-sink.mjs";

type Sink = Awaited<ReturnType<typeof startMailSink>>;

describe(`forgot password (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let sink: Sink;
  let n = 0;
  const ip = () => `198.51.100.${++n}`;
  const linkFor = (email: string) => {
    const m = sink.messages.filter((x) => x.to.includes(email)).at(-1);
    const l = m && findLink(m.body, "/reset-password");
    if (!l) throw new Error(`no reset mail to ${email}`);
    const u = new URL(l);
    return { id: u.searchParams.get("id")!, token: u.searchParams.get("token")! };
  };
  const waitMail = (email: string, count: number) =>
    sink.waitFor((all) => all.filter((x) => x.to.includes(email)).length >= count);

  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_URL = "http://agora.test";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
    await sink?.close();
  });

  it("mails a one-time link that sets the password and ends every session", async () => {
    const { user } = await upsertUser(db, {
      email: "forgot@reset.test",
      password: "Old-password-1234",
      role: "reader",
      name: "Forgetful",
      verified: false,
    });
    const before = user.sessionVersion;
    await requestPasswordReset({ email: "forgot@reset.test" }, ip());
    await waitMail("forgot@reset.test", 1);
    const link = linkFor("forgot@reset.test");
    expect(await resetLinkState(link.id, link.token)).toBe("ok");
    // a weak password is refused by field and leaves the link usable
    const weak = await confirmPasswordReset({ ...link, newPassword: "short" }).catch((e) => e);
    expect(weak).toBeInstanceOf(DomainError);
    expect(weak.field).toBe("newPassword");
    await confirmPasswordReset({ ...link, newPassword: "Brand-new-pass-5678" });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, "Brand-new-pass-5678")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "Old-password-1234")).toBe(false);
    expect(after.sessionVersion).toBe(before + 1);
    expect(after.emailVerified).not.toBeNull();
    // once only
    expect(await resetLinkState(link.id, link.token)).toBe("invalid");
    const again = await confirmPasswordReset({ ...link, newPassword: "Third-pass-9012xyz" }).catch((e) => e);
    expect(again).toBeInstanceOf(DomainError);
    expect(again.field).toBe("token");
  });

  it("refuses an expired link and says nothing about unknown addresses", async () => {
    await upsertUser(db, {
      email: "late@reset.test",
      password: "Old-password-1234",
      role: "reader",
      name: "Late",
      verified: true,
    });
    await requestPasswordReset({ email: "late@reset.test" }, ip());
    await waitMail("late@reset.test", 1);
    const link = linkFor("late@reset.test");
    await db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, `reset-password:${link.id}`));
    expect(await resetLinkState(link.id, link.token)).toBe("expired");
    const e = await confirmPasswordReset({ ...link, newPassword: "Brand-new-pass-5678" }).catch((x) => x);
    expect(e.code).toBe("link_expired");
    const mails = sink.messages.length;
    await expect(requestPasswordReset({ email: "nobody@reset.test" }, ip())).resolves.toBeUndefined();
    expect(sink.messages.length).toBe(mails);
  });
});
