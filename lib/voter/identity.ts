// Who is voting (polls, ratings, "was this helpful"): a signed-in reader is keyed by account
// ("u:<userId>"), anyone else by a random id in an HttpOnly cookie ("a:<id>"). The per-IP rate limit is
// the second line of defence against clearing the cookie and voting again.
import { randomBytes } from "node:crypto";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { cookieValue } from "@/lib/http/client";

export const VOTER_COOKIE = "agora_voter";
const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR = 365 * 24 * 3600;

export interface Voter {
  /** "u:<userId>" or "a:<anonymous id>"; null for an anonymous reader who has no cookie yet */
  key: string | null;
  viewer: Viewer | null;
  /** the anonymous id from the cookie (also present when a signed-in reader still carries one) */
  anonId: string | null;
}

/** The anonymous voter id in the request's cookie, if well-formed. */
export function anonIdFrom(h: Headers): string | null {
  const v = cookieValue(h.get("cookie"), VOTER_COOKIE);
  return v && VOTER_ID.test(v) ? v : null;
}

/**
 * Whether the request could carry a signed-in reader at all (an Auth.js session cookie or a bearer
 * token). Requests without either skip the session lookup, which keeps anonymous votes cheap.
 */
export function mayBeSignedIn(h: Headers): boolean {
  if (h.get("authorization")?.startsWith("Bearer ")) return true;
  return /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/.test(h.get("cookie") ?? "");
}

export async function resolveVoter(h: Headers): Promise<Voter> {
  const anonId = anonIdFrom(h);
  const viewer = mayBeSignedIn(h) ? await getViewer(new Request("http://local/", { headers: h })) : null;
  if (viewer) return { key: userKey(viewer.id), viewer, anonId };
  return { key: anonId ? anonKey(anonId) : null, viewer: null, anonId };
}

export const userKey = (userId: string) => `u:${userId}`;
export const anonKey = (anonId: string) => `a:${anonId}`;
export const isSignedInKey = (key: string) => key.startsWith("u:");

export function newAnonId(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * The Set-Cookie value for the voter cookie (or its removal with `null`). HttpOnly, SameSite=Lax, and
 * Secure whenever the site is served over HTTPS, i.e. in production (judged like Auth.js judges its own
 * cookies: from AUTH_URL, or the proxy's X-Forwarded-Proto); a Secure cookie set over plain http would be
 * dropped by browsers and break voting on a local production build.
 */
export function voterCookie(id: string | null, h?: Headers): string {
  const secure =
    process.env.NODE_ENV === "production" &&
    ((process.env.AUTH_URL ?? "").startsWith("https:") || h?.get("x-forwarded-proto") === "https");
  const attrs = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return id
    ? [`${VOTER_COOKIE}=${id}`, `Max-Age=${ONE_YEAR}`, ...attrs].join("; ")
    : [`${VOTER_COOKIE}=`, "Max-Age=0", ...attrs].join("; ");
}
