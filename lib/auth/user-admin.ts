// Moderators and admins acting on accounts: suspend (until a date), ban, lift a restriction, and (admins
// only) change a role. Each is authorised here through permissions.decide, recorded in the audit log
// (moderation_actions), and a ban or a role change ends the user's sessions (revokeSessions).
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { moderationActions, type User, users } from "@/db/schema";
import { ApiError } from "@/lib/api/http";
import { decide } from "./permissions";
import { revokeSessions } from "./sessions";
import { ROLES, STATUSES } from "./users";
import type { Viewer } from "./viewer";

export const statusInput = z
  .object({
    status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(", ")}.` }),
    until: z.iso
      .datetime({ offset: true, error: "until must be a date and time, e.g. 2030-01-31T12:00:00Z." })
      .optional(),
    note: z.string().trim().max(500, "A note has at most 500 characters.").optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status !== "suspended") return;
    if (!v.until)
      ctx.addIssue({ code: "custom", path: ["until"], message: "A suspension needs an end: until." });
    else if (new Date(v.until) <= new Date())
      ctx.addIssue({ code: "custom", path: ["until"], message: "until must be in the future." });
  });

export const roleInput = z
  .object({ role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}.` }) })
  .strict();

function allow(actor: Viewer, action: "moderate" | "admin") {
  const d = decide(actor, action);
  if (!d.ok) throw new ApiError(d.status, d.code, d.message);
}

async function target(db: Db, id: string): Promise<User> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u || u.deletedAt) throw new ApiError(404, "not_found", "There is no such user.");
  return u;
}

function publicUser(u: User) {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    status: u.status,
    suspendedUntil: u.suspendedUntil,
    statusReason: u.statusReason,
  };
}

/** Suspends, bans or reinstates a user. Only admins may restrict moderators and admins. */
export async function setUserStatus(
  db: Db,
  actor: Viewer,
  targetId: string,
  input: z.infer<typeof statusInput>,
) {
  allow(actor, "moderate");
  const u = await target(db, targetId);
  if (u.id === actor.id) throw new ApiError(403, "forbidden", "You cannot change your own account status.");
  if (u.role !== "reader" && actor.role !== "admin")
    throw new ApiError(403, "forbidden", "Only administrators can restrict moderators and administrators.");
  const updated = await db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [row] = await tx
      .update(users)
      .set({
        status: input.status,
        suspendedUntil: input.status === "suspended" ? new Date(input.until!) : null,
        statusReason: input.status === "active" ? null : (input.note ?? null),
      })
      .where(eq(users.id, u.id))
      .returning();
    // a ban ends every session at once; a suspension leaves reading signed in
    if (input.status === "banned" && u.status !== "banned") await revokeSessions(tx, u.id);
    await tx.insert(moderationActions).values({
      actorId: actor.id,
      action: `user.${input.status === "active" ? "reinstate" : input.status === "banned" ? "ban" : "suspend"}`,
      targetType: "user",
      targetId: u.id,
      reason: input.note ?? null,
      details: { from: u.status, to: input.status, until: input.until ?? null },
    });
    return row;
  });
  return publicUser(updated);
}

/** Changes a user's role (admins only); the user's sessions end, so the new role applies at once. */
export async function setUserRole(db: Db, actor: Viewer, targetId: string, input: z.infer<typeof roleInput>) {
  allow(actor, "admin");
  const u = await target(db, targetId);
  if (u.id === actor.id) throw new ApiError(403, "forbidden", "You cannot change your own role.");
  if (u.role === input.role) return publicUser(u);
  const updated = await db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [row] = await tx.update(users).set({ role: input.role }).where(eq(users.id, u.id)).returning();
    await revokeSessions(tx, u.id);
    await tx.insert(moderationActions).values({
      actorId: actor.id,
      action: "user.role",
      targetType: "user",
      targetId: u.id,
      details: { from: u.role, to: input.role },
    });
    return row;
  });
  return publicUser(updated);
}
