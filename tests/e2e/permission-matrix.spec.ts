// The permission matrix over real HTTP (tests/permissions): every row, for anonymous, a reader, a
// suspended reader, a banned reader, a moderator and an admin. Real statuses: a page must answer a real
// 307 to /signin or a real 403, not a 200 that streams a redirect.
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { MATRIX } from "../permissions";
import { type MatrixContext, WHO, type Who } from "../permissions/types";
import { type FixtureUser, signInRequest } from "./users";

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
});

test.afterAll(async () => {
  for (const r of sessions.values()) await r.dispose();
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
    expect(seen, `${row.method} ${path}`).toEqual(wanted);
  });
}
