// Sign-in through Auth.js itself (@auth/core with our configuration, real database, real SMTP server):
// password sign-in and the route guard's limits, magic links (good, reused, expired), unknown providers,
// and sessions that end when their version is bumped.
import { Auth, skipCSRFCheck } from "@auth/core";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { buildAuthConfig } from "@/lib/auth/auth-options";
import { guardedAuthGet, guardedAuthPost, setsSession } from "@/lib/auth/route-guard";
import { revokeSessions } from "@/lib/auth/sessions";
import { beginSignIn } from "@/lib/auth/signin-limits";
import { findUserByEmail, upsertUser } from "@/lib/auth/users";
import { RateLimitedError } from "@/lib/rate-limit";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { findLink, startMailSink } from "../helpers/mail-sink.mjs";

type Sink = { url: string; messages: { to: string[]; body: string }[]; close(): Promise<void> };
const BASE = "http://agora.test";

describe(`sign-in through Auth.js (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let sink: Sink;
  // biome-ignore lint/suspicious/noExplicitAny: Auth's config type
  let config: any;
  const auth = (req: Request) => Auth(req, config) as Promise<Response>;
  let ipN = 0;
  const nextIp = () => `203.0.113.${++ipN}`;

  function form(path: string, fields: Record<string, string>, ip = nextIp(), cookie?: string) {
    return new Request(`${BASE}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-agora-client-ip": ip,
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields),
    });
  }
  const passwordSignIn = (email: string, password: string, ip?: string) =>
    guardedAuthPost(form("/api/auth/callback/credentials", { email, password }, ip), auth);
  const sessionCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .filter((c) => c.includes("session-token"))
      .join("; ");
  const session = async (cookie: string) =>
    (await auth(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }))).json();

  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_URL = BASE;
    process.env.AGORA_LIMIT_SIGNIN_ACCOUNT = "3/900";
    process.env.AGORA_LIMIT_SIGNIN_IP = "6/900";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    config = { ...(await buildAuthConfig()), basePath: "/api/auth", skipCSRFCheck };
    await upsertUser(db, {
      email: "ada@signin.test",
      password: "Analytical-engine-1",
      role: "reader",
      name: "Ada",
      verified: true,
    });
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
    await sink?.close();
  });

  it("a right password gets a session; a wrong one and an unknown email get the same answer", async () => {
    const ok = await passwordSignIn("ada@signin.test", "Analytical-engine-1");
    expect(ok.status).toBe(302);
    expect(setsSession(ok)).toBe(true);
    expect((await session(sessionCookie(ok))).user.name).toBe("Ada");
    const wrong = await passwordSignIn("ada@signin.test", "Not-the-password-1");
    const unknown = await passwordSignIn("nobody@signin.test", "Not-the-password-1");
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(302);
      expect(setsSession(r)).toBe(false);
      expect(r.headers.get("location")).toMatch(/\/signin\?error=CredentialsSignin/);
    }
  });

  it("the N+1th wrong password for an account within the window gets 429 with Retry-After", async () => {
    const email = "target@signin.test";
    for (let i = 0; i < 3; i++) expect((await passwordSignIn(email, `guess-number-${i}`)).status).toBe(302);
    const limited = await passwordSignIn(email, "guess-number-4");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(
      /^Too many sign-in attempts for this account\. Try again in \d+ minutes?\.$/,
    );
  });

  it("a successful sign-in forgives the account's failures and does not count against its network", async () => {
    const ip = "192.0.2.50";
    await upsertUser(db, {
      email: "bob@signin.test",
      password: "Difference-engine-2",
      role: "reader",
      name: "Bob",
    });
    for (let i = 0; i < 2; i++) await passwordSignIn("bob@signin.test", "wrong-password-xx", ip);
    expect(setsSession(await passwordSignIn("bob@signin.test", "Difference-engine-2", ip))).toBe(true);
    // 3 more failures are allowed again for the account (limit 3): the earlier two were forgiven
    for (let i = 0; i < 3; i++)
      expect((await passwordSignIn("bob@signin.test", "wrong-password-xx", ip)).status).toBe(302);
    // locked now, even with the right password, until the window ends
    expect((await passwordSignIn("bob@signin.test", "Difference-engine-2", ip)).status).toBe(429);
  });

  it("limits attempts per network across accounts (AGORA_LIMIT_SIGNIN_IP=6/900)", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < 6; i++) await beginSignIn(ip, `spray${i}@signin.test`);
    const err = await beginSignIn(ip, "spray9@signin.test").catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.message).toMatch(/Too many sign-in attempts from your network/);
  });

  it("an unknown provider gets a clear 404 (or, for a browser, the sign-in page with a message)", async () => {
    const api = await guardedAuthPost(form("/api/auth/signin/myspace", {}), auth);
    expect(api.status).toBe(404);
    expect((await api.json()).error.message).toMatch(
      /There is no sign-in method "myspace" here\. Available: credentials, nodemailer/,
    );
    const browser = await guardedAuthGet(
      new Request(`${BASE}/api/auth/callback/myspace?code=x`, { headers: { accept: "text/html" } }),
      auth,
    );
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toMatch(/\/signin\?error=UnknownProvider$/);
  });

  it("magic link: a malformed address is refused before anything is sent", async () => {
    const r = await guardedAuthPost(form("/api/auth/signin/nodemailer", { email: "not-an-address" }), auth);
    expect(r.status).toBe(422);
    expect((await r.json()).error).toMatchObject({
      field: "email",
      message: expect.stringMatching(/valid email/),
    });
    expect(sink.messages).toHaveLength(0);
  });

  it("magic link: the mailed link signs in (creating a confirmed account) once; reused or expired → Verification", async () => {
    const email = "linky@signin.test";
    const ask = await guardedAuthPost(
      form("/api/auth/signin/nodemailer", { email, callbackUrl: "/account" }),
      auth,
    );
    expect(ask.status).toBe(302);
    // Auth.js's verify-request route, which sends the browser on to our /check-email page
    expect(ask.headers.get("location")).toMatch(/\/api\/auth\/verify-request\?provider=nodemailer/);
    expect(await findUserByEmail(db, email)).toBeUndefined(); // nothing stored until the link is used
    const link = findLink(sink.messages.at(-1)!.body, "/api/auth/callback/nodemailer");
    expect(link).toMatch(/^http:\/\/agora\.test\/api\/auth\/callback\/nodemailer\?/);
    const token = new URL(link!).searchParams.get("token")!;
    const rows = await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
    expect(rows).toHaveLength(1);
    expect(rows[0].token).not.toBe(token); // stored hashed

    const used = await guardedAuthGet(new Request(link!), auth);
    expect(used.status).toBe(302);
    expect(setsSession(used)).toBe(true);
    expect(used.headers.get("location")).toBe("/account?welcome=1&callbackUrl=%2Faccount");
    const user = await findUserByEmail(db, email);
    expect(user?.emailVerified).toBeInstanceOf(Date);
    expect(user?.name).toBeNull();

    const again = await guardedAuthGet(new Request(link!), auth);
    expect(setsSession(again)).toBe(false);
    expect(again.headers.get("location")).toMatch(/\/signin\?error=Verification$/);

    await guardedAuthPost(form("/api/auth/signin/nodemailer", { email: "late@signin.test" }), auth);
    const late = findLink(sink.messages.at(-1)!.body, "/api/auth/callback/nodemailer")!;
    await db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, "late@signin.test"));
    const expired = await guardedAuthGet(new Request(late), auth);
    expect(setsSession(expired)).toBe(false);
    expect(expired.headers.get("location")).toMatch(/\/signin\?error=Verification$/);
    expect(await findUserByEmail(db, "late@signin.test")).toBeUndefined();
  });

  it("magic link requests are limited per address (3 per 15 minutes by default)", async () => {
    const email = "often@signin.test";
    for (let i = 0; i < 3; i++)
      expect((await guardedAuthPost(form("/api/auth/signin/nodemailer", { email }), auth)).status).toBe(302);
    const r = await guardedAuthPost(form("/api/auth/signin/nodemailer", { email }), auth);
    expect(r.status).toBe(429);
    expect((await r.json()).error.message).toMatch(/Too many sign-in links for this address/);
  });

  it("a session ends when its version is bumped; a tampered cookie is no session", async () => {
    const res = await passwordSignIn("ada@signin.test", "Analytical-engine-1");
    const cookie = sessionCookie(res);
    expect((await session(cookie)).user.email).toBe("ada@signin.test");
    const [ada] = await db.select().from(users).where(eq(users.email, "ada@signin.test"));
    await revokeSessions(db, ada.id);
    const after = await auth(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }));
    expect(await after.json()).toBeNull();
    // the dead cookie is cleared
    expect(after.headers.getSetCookie().some((c) => /session-token=;/.test(c))).toBe(true);
    const tampered = cookie.replace(/=(.{10})/, "=XXXXXXXXXX");
    expect(await session(tampered)).toBeNull();
  });

  it("a deleted account cannot sign in with its old password", async () => {
    const { user } = await upsertUser(db, {
      email: "gone@signin.test",
      password: "Soon-to-be-gone-1",
      role: "reader",
      name: "Gone",
    });
    await db
      .update(users)
      .set({ deletedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect(setsSession(await passwordSignIn("gone@signin.test", "Soon-to-be-gone-1"))).toBe(false);
  });

  // ----- issue 12, hole 1: the sign-in limit bypassed by a repeated form field, and IPv6 rotation -----
  function rawForm(path: string, body: string, ip = nextIp()) {
    return new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-agora-client-ip": ip },
      body,
    });
  }

  it("hole 1: a repeated email field is refused (400) and a locked account stays locked", async () => {
    const email = "locked@signin.test";
    await upsertUser(db, {
      email,
      password: "Locked-account-pass-1",
      role: "reader",
      name: "Locked",
      verified: true,
    });
    for (let i = 0; i < 3; i++) await passwordSignIn(email, `wrong-guess-${i}`);
    expect((await passwordSignIn(email, "Locked-account-pass-1")).status).toBe(429);
    const body = `email=decoy%40x.io&email=${encodeURIComponent(email)}&password=Locked-account-pass-1`;
    const r = await guardedAuthPost(rawForm("/api/auth/callback/credentials", body), auth);
    expect(r.status).toBe(400);
    expect(setsSession(r)).toBe(false);
    expect((await r.json()).error).toMatchObject({ code: "repeated_field", field: "email" });
    // the same for the magic link, and for any other auth POST
    const link = await guardedAuthPost(
      rawForm("/api/auth/signin/nodemailer", `email=decoy%40x.io&email=${encodeURIComponent(email)}`),
      auth,
    );
    expect(link.status).toBe(400);
    const out = await guardedAuthPost(rawForm("/api/auth/signout", "csrfToken=a&csrfToken=b"), auth);
    expect(out.status).toBe(400);
  });

  it("hole 1: a JSON body is counted with the email Auth.js reads", async () => {
    const email = "jsonlock@signin.test";
    await upsertUser(db, {
      email,
      password: "Json-locked-pass-1",
      role: "reader",
      name: "J",
      verified: true,
    });
    for (let i = 0; i < 3; i++) await passwordSignIn(email, `wrong-guess-${i}`);
    const req = new Request(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-agora-client-ip": nextIp() },
      body: `{"email":"decoy@x.io","email":"${email}","password":"Json-locked-pass-1"}`,
    });
    const r = await guardedAuthPost(req, auth);
    expect(r.status).toBe(429);
    expect(setsSession(r)).toBe(false);
  });

  it("hole 1: addresses of one IPv6 /64 share one sign-in allowance; another /64 has its own", async () => {
    for (let i = 0; i < 6; i++)
      await beginSignIn(`2001:db8:6:1::${(i + 1).toString(16)}`, `v6spray${i}@signin.test`);
    const err = await beginSignIn("2001:db8:6:1:ffff:eeee:dddd:cccc", "v6spray9@signin.test").catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    await expect(beginSignIn("2001:db8:6:2::1", "v6other@signin.test")).resolves.toBeTruthy();
  });

  // ----- issue 12, hole 4: open redirect after sign-in -----
  it("hole 4: callbackUrl=/%09/evil.example signs in but lands on this site", async () => {
    for (const cb of [
      "/\t/evil.example",
      "/%09/evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
    ]) {
      const r = await guardedAuthPost(
        form("/api/auth/callback/credentials", {
          email: "ada@signin.test",
          password: "Analytical-engine-1",
          callbackUrl: cb,
        }),
        auth,
      );
      expect(setsSession(r)).toBe(true);
      const loc = r.headers.get("location") ?? "";
      expect(new URL(loc, BASE).origin, `${cb} -> ${loc}`).toBe(BASE);
    }
  });
});
