// The audit log: every moderator and admin action, and every automatic one (actor null), one row each.
// Append-only: nothing in the app updates or deletes these rows.
import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { moderationActions, users } from "@/db/schema";

export type AuditTarget = (typeof moderationActions.$inferInsert)["targetType"];

/** Anything that can run an insert: the db or a transaction. */
type Writer = Pick<Db, "insert">;

export interface AuditEntryInput {
  actorId: string | null;
  action: string;
  targetType: AuditTarget;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

export async function recordAction(w: Writer, e: AuditEntryInput): Promise<void> {
  await w.insert(moderationActions).values({
    actorId: e.actorId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    reason: e.reason ?? null,
    details: e.details ?? null,
  });
}

export const auditQuerySchema = z.object({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/, "must be an action name such as comment.approve")
    .optional(),
  targetType: z
    .enum(["comment", "user", "article", "settings", "appeal", "token"], {
      error: "must be one of comment, user, article, settings, appeal, token",
    })
    .optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "must be a cursor from a previous page")
    .optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown> | null;
}

/** Newest first, keyset-paginated by id. */
export async function listAudit(
  db: Db,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const where: SQL[] = [];
  if (q.actor) where.push(eq(moderationActions.actorId, q.actor));
  if (q.action) where.push(eq(moderationActions.action, q.action));
  if (q.targetType) where.push(eq(moderationActions.targetType, q.targetType));
  if (q.targetId) where.push(eq(moderationActions.targetId, q.targetId));
  if (q.cursor) where.push(lt(moderationActions.id, Number(q.cursor)));
  const rows = await db
    .select({ a: moderationActions, actorName: users.name })
    .from(moderationActions)
    .leftJoin(users, eq(users.id, moderationActions.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(moderationActions.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(({ a, actorName }) => ({
      id: String(a.id),
      at: a.createdAt.toISOString(),
      actor: a.actorId ? { id: a.actorId, name: actorName } : null,
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      reason: a.reason,
      details: a.details,
    })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1].a.id) : null,
  };
}
