// Fixture accounts created by tests/e2e/serve.mjs before the server starts (the server owns a PGlite
// directory, so tests cannot write to it directly), and a sign-in helper that uses Auth.js's ordinary
// endpoints (/api/auth/csrf, then /api/auth/callback/credentials).
import type { APIRequestContext, BrowserContext } from "@playwright/test";

import { USERS as DATA } from "./users-data.mjs";

export const USERS = DATA as Record<
  | "admin"
  | "moderator"
  | "reader"
  | "reader2"
  | "reader3"
  | "suspended"
  | "banned"
  | "tokenLive"
  | "tokenDemoted"
  | "tokenBanned"
  | "tokenSignedOut",
  {
    email: string;
    password: string;
    role: string;
    name: string;
    status?: string;
    until?: string;
    reason?: string;
  }
>;

export type FixtureUser = keyof typeof USERS;

/** Signs in through Auth.js's credentials callback; the session cookie lands in the request's context. */
export async function signInRequest(
  request: APIRequestContext,
  who: FixtureUser,
  baseURL: string,
): Promise<void> {
  const u = USERS[who];
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: u.email, password: u.password, callbackUrl: baseURL },
    headers: { origin: baseURL },
    maxRedirects: 0,
  });
  if (res.status() >= 400) throw new Error(`sign-in of ${who} answered ${res.status()}`);
}

/** Signs a browser context in (cookies shared with its pages). */
export async function signInContext(
  context: BrowserContext,
  who: FixtureUser,
  baseURL: string,
): Promise<void> {
  await signInRequest(context.request, who, baseURL);
}
