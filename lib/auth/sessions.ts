// Ending sessions. A JWT carries the session version it was issued with; bumping the user's version
// makes every older token stop authorising on its next request (the JWT callback in auth-options.ts and
// getViewer both compare). Every path that must end sessions calls this: "sign out everywhere", a
// password change, account deletion, a ban and a role change. The account's API tokens end with them
// (they carry the session version too; revoking them also shows it in the token list).
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import type { Executor } from "@/lib/db";

/** Inside a transaction or not: `tx` is any Drizzle handle. Returns the new version (null: no user). */
export async function revokeSessions(tx: Executor, userId: string): Promise<number | null> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sv: users.sessionVersion });
  await revokeApiTokens(tx, userId);
  return row?.sv ?? null;
}

/** Ends every active API token of the account (also on a suspension, which leaves sessions alone). */
export async function revokeApiTokens(tx: Executor, userId: string): Promise<void> {
  await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Set-Cookie values that remove this browser's (now useless) session cookies, chunks included. */
export function clearSessionCookies(req: Request): string[] {
  const names = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.split("=")[0].trim())
    .filter((n) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(n));
  return names.map(
    (n) => `${n}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${n.startsWith("__Secure-") ? "; Secure" : ""}`,
  );
}
