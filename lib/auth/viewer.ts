// Who is making this request, read from the database on every call (role, status and session version
// are never trusted from the JWT alone). A personal API token (Authorization: Bearer) also identifies
// a user, for newsroom tools.
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Session } from "next-auth";
import { getDb } from "@/db/client";
import { apiTokens, type User, users } from "@/db/schema";
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

async function viewerFromToken(token: string): Promise<Viewer | null> {
  const db = await getDb();
  const rows = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.deletedAt) return null;
  // tokens belong to moderators and admins; a demoted user's tokens stop working
  if (row.user.role === "reader") return null;
  void db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(eq(apiTokens.id, row.tokenId))
    .catch(() => {});
  return toViewer(row.user, "token");
}

/** The signed-in user (or token holder) for this request, or null. */
export async function getViewer(req?: Request): Promise<Viewer | null> {
  const authz = req?.headers.get("authorization");
  if (authz?.startsWith("Bearer ")) return viewerFromToken(authz.slice(7).trim());
  let session: Session | null;
  try {
    // loaded on first use, so that modules needing only the Viewer type or toViewer stay free of Next
    const { auth } = await import("./config");
    session = await auth();
  } catch {
    return null; // a tampered or undecryptable cookie is no session
  }
  const id = session?.user?.id;
  if (!id) return null;
  const [u] = await (await getDb()).select().from(users).where(eq(users.id, id)).limit(1);
  if (!u || u.deletedAt || u.sessionVersion !== session?.sv) return null;
  return toViewer(u, "session");
}
