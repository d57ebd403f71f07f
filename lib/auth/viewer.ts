// Who is making this request, read from the database on every call (role, status and session version
// are never trusted from the JWT alone). A personal API token (Authorization: Bearer) also identifies
// a user, for newsroom tools.
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Session } from "next-auth";
import { getDb } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { apiTokens, type User, users } from "@/db/schema";
import { cookieValue } from "@/lib/http/client";
import { serverSecret } from "@/lib/server/secret";
import { shared } from "@/server/state.cjs";
import type { Role } from "./users";

export interface Viewer {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  /** effective status: a suspension that has ended counts as active */
  status: "active" | "suspended" | "banned";
  suspendedUntil: Date | null;
  statusReason: string | null;
  emailVerified: boolean;
  showPollTag: boolean;
  createdAt: Date;
  via: "session" | "token";
}

export function toViewer(u: User, via: Viewer["via"]): Viewer {
  const suspendedActive = u.status === "suspended" && (!u.suspendedUntil || u.suspendedUntil > new Date());
  return {
    id: u.id,
    name: u.name ?? "Reader",
    email: u.email,
    role: u.role,
    status: u.status === "banned" ? "banned" : suspendedActive ? "suspended" : "active",
    suspendedUntil: suspendedActive ? u.suspendedUntil : null,
    statusReason: u.statusReason,
    emailVerified: Boolean(u.emailVerified),
    showPollTag: u.showPollTag,
    createdAt: u.createdAt,
    via,
  };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const ROLE_RANK = { reader: 0, moderator: 1, admin: 2 } as const;

/** The lower of two roles: a token acts with its account's role now, never more than it was made with. */
export function tokenRole(now: Role, createdWith: Role | null): Role {
  if (!createdWith) return now;
  return ROLE_RANK[now] <= ROLE_RANK[createdWith] ? now : createdWith;
}

/**
 * A token identifies its account only while: it is not revoked, the account exists and is active (a
 * ban or suspension ends it), the account's session version is the one the token was made with (sign
 * out everywhere, a password change, a role change and deletion bump it), and the role it acts with
 * (tokenRole) is still staff.
 */
async function viewerFromToken(token: string): Promise<Viewer | null> {
  const db = await getDb();
  const rows = await db
    .select({
      user: users,
      tokenId: apiTokens.id,
      sv: apiTokens.sessionVersion,
      createdRole: apiTokens.createdRole,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.deletedAt) return null;
  if (row.sv !== row.user.sessionVersion) return null;
  const viewer = toViewer(row.user, "token");
  if (viewer.status !== "active") return null;
  viewer.role = tokenRole(row.user.role, row.createdRole);
  // tokens belong to moderators and admins; a demoted user's tokens stop working
  if (viewer.role === "reader") return null;
  void db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(eq(apiTokens.id, row.tokenId))
    .catch(() => {});
  return viewer;
}

type Claims = { uid: string; sv: unknown };

// Decoded session tokens by (a hash of) the token itself (an authenticated encryption: the same string always holds
// the same claims), until the token's own expiry. A reader's cookie is the same on every request, so
// the JWE decryption (about 1.3 ms of CPU through WebCrypto) runs once per reader, not per request.
// Revocation does not depend on this: the session version is checked against the database every time.
const claimsCache = shared("sessionClaims", () => new LRUCache<string, Claims>({ max: 20_000 }));

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The session's claims from the Auth.js cookie, decoded once here (no Auth.js round trip: that one
 * rebuilds its configuration, re-encrypts and re-sets the cookie and reads the user a second time, about
 * 4 ms of CPU per request). "auth" when the cookie is chunked (a token over ~4 KB, which ours never are):
 * then Auth.js itself reassembles it.
 */
async function sessionClaims(cookieHeader: string): Promise<Claims | null | "auth"> {
  if (!cookieHeader.includes("authjs.session-token")) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookieHeader, name);
    if (token === null) continue;
    try {
      const key = createHash("sha256").update(name).update("=").update(token).digest("base64");
      const hit = claimsCache.get(key);
      if (hit) return hit;
      const { decode } = await import("next-auth/jwt");
      const payload = await decode({ token, secret: serverSecret(), salt: name });
      if (typeof payload?.uid !== "string") return null;
      const claims = { uid: payload.uid, sv: payload.sv };
      const ttl = typeof payload.exp === "number" ? payload.exp * 1000 - Date.now() : 0;
      if (ttl > 0) claimsCache.set(key, claims, { ttl });
      return claims;
    } catch {
      return null; // tampered, expired or signed with another secret: no session
    }
  }
  return /authjs\.session-token\.\d+=/.test(cookieHeader) ? "auth" : null;
}

async function claimsViaAuth(): Promise<Claims | null> {
  try {
    // loaded on first use, so that modules needing only the Viewer type or toViewer stay free of Next
    const { auth } = await import("./config");
    const session: Session | null = await auth();
    return session?.user?.id ? { uid: session.user.id, sv: session.sv } : null;
  } catch {
    return null; // a tampered or undecryptable cookie is no session
  }
}

/**
 * The signed-in user (or token holder) for this request, or null. Route handlers pass their request;
 * server components and actions read the request's cookies from Next.
 */
export async function getViewer(req?: Request): Promise<Viewer | null> {
  const authz = req?.headers.get("authorization");
  if (authz?.startsWith("Bearer ")) return viewerFromToken(authz.slice(7).trim());
  let cookieHeader: string;
  if (req) cookieHeader = req.headers.get("cookie") ?? "";
  else {
    const { headers } = await import("next/headers");
    cookieHeader = (await headers()).get("cookie") ?? "";
  }
  let claims = await sessionClaims(cookieHeader);
  if (claims === "auth") claims = await claimsViaAuth();
  if (!claims) return null;
  // the one read per request: the account must still exist and the session version still match (a
  // sign-out everywhere, password change or ban bumps it), whatever the token says
  const [u] = await preparedFor(await getDb(), "viewer_user", (db) =>
    db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder("id")))
      .limit(1)
      .prepare("viewer_user"),
  ).execute({ id: claims.uid });
  if (!u || u.deletedAt || u.sessionVersion !== claims.sv) return null;
  return toViewer(u, "session");
}
