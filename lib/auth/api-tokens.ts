// Personal API tokens for newsroom tools (moderators and admins). The secret is shown once at creation;
// only its SHA-256 is stored (hashApiToken), and getViewer() accepts it as `Authorization: Bearer`.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { isUuid } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { recordAction } from "@/lib/moderation/audit";
import { hashApiToken } from "./viewer";

export const MAX_ACTIVE_TOKENS = 20;

export const tokenCreateSchema = z
  .object({
    name: z
      .string({ error: "must be text" })
      .trim()
      .min(1, "give the token a name, e.g. the tool that will use it")
      .max(60, "must be at most 60 characters")
      .refine((s) => !/[\p{Cc}<>]/u.test(s), "cannot contain control characters or < >"),
  })
  .strict();

export interface TokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function info(t: typeof apiTokens.$inferSelect): TokenInfo {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Db, userId: string): Promise<TokenInfo[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
  return rows.map(info);
}

export async function createToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ token: TokenInfo; secret: string }> {
  const [active] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  if (Number(active?.n ?? 0) >= MAX_ACTIVE_TOKENS)
    throw new Conflict("too_many_tokens", msg("Api.auth.tooManyTokens", { max: MAX_ACTIVE_TOKENS }));
  const secret = `agora_${randomBytes(32).toString("base64url")}`;
  const row = await db.transaction(async (tx) => {
    // bound to the account's current session version and role (read in the same transaction)
    const [u] = await tx
      .select({ sv: users.sessionVersion, role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!u) throw new NotFound(msg("Api.auth.thereIsNoSuch"));
    const [t] = await tx
      .insert(apiTokens)
      .values({ userId, name, tokenHash: hashApiToken(secret), sessionVersion: u.sv, createdRole: u.role })
      .returning();
    await recordAction(tx, {
      actorId: userId,
      action: "token.create",
      targetType: "token",
      targetId: t.id,
      details: { name },
    });
    return t;
  });
  return { token: info(row), secret };
}

export async function revokeToken(
  db: Db,
  userId: string,
  tokenId: string,
): Promise<{ changed: boolean; message: string; token: TokenInfo }> {
  const missing = new NotFound(msg("Api.auth.youHaveNoToken", { tokenId: tokenId.slice(0, 60) }));
  if (!isUuid(tokenId)) throw missing;
  const [t] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .limit(1);
  if (!t) throw missing;
  if (t.revokedAt)
    return { changed: false, message: "This token was already revoked; nothing changed.", token: info(t) };
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, t.id))
      .returning();
    await recordAction(tx, {
      actorId: userId,
      action: "token.revoke",
      targetType: "token",
      targetId: t.id,
      details: { name: t.name },
    });
    return r;
  });
  return {
    changed: true,
    message: `Token "${t.name}" revoked: tools using it are refused from now on.`,
    token: info(row),
  };
}
