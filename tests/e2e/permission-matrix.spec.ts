// The permission matrix over real HTTP (tests/permissions): every row, for anonymous, a reader, a
// suspended reader, a banned reader, a moderator and an admin, and for API tokens made as moderator (one
// live; one whose account was then demoted, one banned, one signed out everywhere). Real statuses: a
// page must answer a real 307 to /signin or a real 403, not a 200 that streams a redirect.
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { MATRIX } from "../permissions";
import {
  type MatrixContext,
  TOKEN_WHO,
  type TokenWho,
  tokenExpected,
  WHO,
  type Who,
} from "../permissions/types";
import { type FixtureUser, signInRequest, USERS } from "./users";

const ACCOUNT: Record<Exclude<Who, "anonymous">, FixtureUser> = {
  reader: "reader",
  suspended: "suspended",
  banned: "banned",
  moderator: "moderator",
  admin: "admin",
};

test.describe.configure({ mode: "serial" });

let ctx: MatrixContext;
const sessions = new Map<Who, APIRequestContext>();
const tokens = new Map<TokenWho, APIRequestContext>();
const TOKEN_OWNER: Record<TokenWho, FixtureUser> = {
  modToken: "tokenLive",
  demotedToken: "tokenDemoted",
  bannedToken: "tokenBanned",
  signedOutToken: "tokenSignedOut",
};

async function as(who: Who, baseURL: string): Promise<APIRequestContext> {
  let r = sessions.get(who);
  if (!r) {
    r = await playwrightRequest.newContext({ baseURL });
    if (who !== "anonymous") await signInRequest(r, ACCOUNT[who], baseURL);
    sessions.set(who, r);
  }
  return r;
}

test.beforeAll(async ({ baseURL }) => {
  const ids: Record<string, string> = {};
  for (const u of ["reader", "reader2", "moderator", "admin"] as FixtureUser[]) {
    const r = await playwrightRequest.newContext({ baseURL });
    await signInRequest(r, u, baseURL!);
    ids[u] = (await (await r.get("/api/v1/me")).json()).user.id;
    await r.dispose();
  }
  ctx = { ids };
  // API tokens, each made by its moderator's session; then the account is demoted, banned or signed
  // out everywhere by the ordinary routes
  const admin = await as("admin", baseURL!);
  for (const who of TOKEN_WHO) {
    // an earlier pass (`--repeat-each`) left this owner demoted or banned: a moderator again, in good
    // standing, before it mints this pass's token (by the same admin routes that ended it)
    const { email, name } = USERS[TOKEN_OWNER[who]];
    const found = await (await admin.get(`/api/v1/admin/users?q=${encodeURIComponent(name)}`)).json();
    const acct = found.items.find((u: { email?: string }) => u.email === email);
    expect(acct, `the fixture account ${email}`).toBeTruthy();
    if (acct.role !== "moderator") {
      const r = await admin.post(`/api/v1/admin/users/${acct.id}/role`, {
        headers: { origin: baseURL! },
        data: { role: "moderator" },
      });
      expect(r.status(), `restoring ${who}'s role`).toBe(200);
    }
    if (acct.status !== "active") {
      const r = await admin.post(`/api/v1/admin/users/${acct.id}/status`, {
        headers: { origin: baseURL! },
        data: { status: "active" },
      });
      expect(r.status(), `restoring ${who}'s status`).toBe(200);
    }
    const owner = await playwrightRequest.newContext({ baseURL });
    await signInRequest(owner, TOKEN_OWNER[who], baseURL!);
    const id = (await (await owner.get("/api/v1/me")).json()).user.id as string;
    const made = await owner.post("/api/v1/account/tokens", {
      headers: { origin: baseURL! },
      data: { name: `matrix ${who}` },
    });
    expect(made.status(), `token for ${who}`).toBe(201);
    const { secret } = await made.json();
    const end = {
      modToken: null,
      demotedToken: () =>
        admin.post(`/api/v1/admin/users/${id}/role`, {
          headers: { origin: baseURL! },
          data: { role: "reader" },
        }),
      bannedToken: () =>
        admin.post(`/api/v1/admin/users/${id}/status`, {
          headers: { origin: baseURL! },
          data: { status: "banned", note: "permission matrix" },
        }),
      signedOutToken: () => owner.delete("/api/v1/account/sessions", { headers: { origin: baseURL! } }),
    }[who];
    if (end) expect((await end()).status(), `ending ${who}`).toBeLessThan(300);
    await owner.dispose();
    tokens.set(
      who,
      await playwrightRequest.newContext({
        baseURL,
        extraHTTPHeaders: { authorization: `Bearer ${secret}` },
      }),
    );
  }
});

test.afterAll(async () => {
  for (const r of sessions.values()) await r.dispose();
  for (const r of tokens.values()) await r.dispose();
});

for (const row of MATRIX) {
  test(`${row.name}`, async ({ baseURL }) => {
    const path = typeof row.path === "function" ? row.path(ctx) : row.path;
    const seen: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const who of WHO) {
      const r = await as(who, baseURL!);
      const body = typeof row.body === "function" ? row.body(who, ctx) : row.body;
      const res = await r.fetch(path, {
        method: row.method,
        headers: { origin: baseURL! },
        data: body,
        maxRedirects: 0,
      });
      const status = res.status();
      const location = res.headers().location ?? "";
      seen[who] = status === 307 && /\/signin\?callbackUrl=/.test(location) ? "signin" : String(status);
      wanted[who] = String(row.expect[who]);
      if (row.endsSession) {
        await r.dispose();
        sessions.delete(who);
      }
    }
    for (const who of TOKEN_WHO) {
      const body = typeof row.body === "function" ? row.body("moderator", ctx) : row.body;
      const res = await tokens.get(who)!.fetch(path, {
        method: row.method,
        headers: { origin: baseURL! },
        data: body,
        maxRedirects: 0,
      });
      const status = res.status();
      const location = res.headers().location ?? "";
      seen[who] = status === 307 && /\/signin\?callbackUrl=/.test(location) ? "signin" : String(status);
      wanted[who] = String(tokenExpected(row, who));
    }
    expect(seen, `${row.method} ${path}`).toEqual(wanted);
  });
}
