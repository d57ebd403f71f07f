// Moderating people: search, a user's record (history, notes), suspend for a time, ban, unban, and role
// changes (admins only — enforced by the route's permission and again here). Every change writes an
// audit row; a ban or role change bumps the session version, ending the user's sessions at once.
import "server-only";
import { and, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, comments, moderationActions, moderatorNotes, users } from "@/db/schema";
import { revokeApiTokens, revokeSessions } from "@/lib/auth/sessions";
import type { Role } from "@/lib/auth/users";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { localize, msg } from "@/lib/i18n/text";
import { isTimestampText } from "@/lib/validation/text";
import { recordAction } from "./audit";
import { explainStatus } from "./messages";

export interface Actor {
  id: string;
  role: Role;
}

const note = z.string({ error: "must be text" }).trim().max(500, "must be at most 500 characters");

export const userStatusSchema = z
  .object({
    status: z.enum(["active", "suspended", "banned"], { error: "must be active, suspended or banned" }),
    until: z.iso
      .datetime({ offset: true, error: "must be a date and time such as 2030-01-31T12:00:00Z" })
      .optional(),
    note: note.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.status === "suspended") {
      if (!d.until)
        ctx.addIssue({
          code: "custom",
          path: ["until"],
          message: "a suspension needs an end (until); to block someone indefinitely, ban them",
        });
      else if (Date.parse(d.until) <= Date.now())
        ctx.addIssue({ code: "custom", path: ["until"], message: "must be in the future" });
      else if (Date.parse(d.until) > Date.now() + 5 * 365 * 24 * 3600_000)
        ctx.addIssue({ code: "custom", path: ["until"], message: "must be within 5 years" });
    } else if (d.until)
      ctx.addIssue({ code: "custom", path: ["until"], message: "only a suspension has an end date" });
  });

export const userRoleSchema = z
  .object({ role: z.enum(["reader", "moderator", "admin"], { error: "must be reader, moderator or admin" }) })
  .strict();

export const userNoteSchema = z.object({ note: note.min(1, "must not be empty") }).strict();

const missing = (id: string) => new NotFound(msg("Api.moderation.noUserWithId", { id: id.slice(0, 60) }));

async function findTarget(db: Db, id: string) {
  if (!id || id.length > 100) throw missing(id);
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u || u.deletedAt) throw missing(id);
  return u;
}

function effectiveStatus(u: { status: string; suspendedUntil: Date | null }): string {
  return u.status === "suspended" && u.suspendedUntil && u.suspendedUntil <= new Date() ? "active" : u.status;
}

export async function setUserStatus(
  db: Db,
  targetId: string,
  input: z.output<typeof userStatusSchema>,
  actor: Actor,
): Promise<{
  changed: boolean;
  message: string;
  user: { id: string; status: string; suspendedUntil: string | null; statusReason: string | null };
}> {
  if (actor.role === "reader") throw new Forbidden(msg("Api.moderation.onlyModeratorsAndAdministrators"));
  const u = await findTarget(db, targetId);
  if (u.id === actor.id) throw new Forbidden(msg("Api.moderation.youCannotChangeYour"));
  if (actor.role !== "admin" && u.role !== "reader")
    throw new Forbidden(msg("Api.moderation.moderatorsCanChangeThe"));
  const until = input.status === "suspended" && input.until ? new Date(input.until) : null;
  const current = effectiveStatus(u);
  const same =
    current === input.status &&
    (input.status !== "suspended" || u.suspendedUntil?.getTime() === until?.getTime());
  const view = (s: string, d: Date | null, reason: string | null) => ({
    id: u.id,
    status: s,
    suspendedUntil: d?.toISOString() ?? null,
    statusReason: reason,
  });
  if (same)
    return {
      changed: false,
      message: `The user is already ${input.status === "active" ? "active" : input.status}; nothing changed.`,
      user: view(current, u.suspendedUntil, u.statusReason),
    };
  const action =
    input.status === "active" ? "user.reinstate" : input.status === "banned" ? "user.ban" : "user.suspend";
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        status: input.status,
        suspendedUntil: until,
        statusReason: input.status === "active" ? null : (input.note ?? null),
      })
      .where(eq(users.id, u.id));
    // a ban ends every session at once; a suspension leaves reading signed in
    if (input.status === "banned") await revokeSessions(tx, u.id);
    // a suspension leaves reading signed in but ends the account's API tokens
    else if (input.status === "suspended") await revokeApiTokens(tx, u.id);
    if (input.note)
      await tx
        .insert(moderatorNotes)
        .values({ userId: u.id, authorId: actor.id, note: `${action}: ${input.note}` });
    await recordAction(tx, {
      actorId: actor.id,
      action,
      targetType: "user",
      targetId: u.id,
      reason: input.note ?? null,
      details: { from: current, to: input.status, ...(until ? { until: until.toISOString() } : {}) },
    });
  });
  const words = {
    "user.reinstate": "reinstated: they can comment again",
    "user.ban": "banned and signed out everywhere",
    "user.suspend": `suspended until ${until?.toISOString().replace("T", " ").slice(0, 16)} UTC`,
  } as const;
  return {
    changed: true,
    message: `${u.name ?? "The user"} is ${words[action]}.`,
    user: view(input.status, until, input.status === "active" ? null : (input.note ?? null)),
  };
}

export async function setUserRole(
  db: Db,
  targetId: string,
  role: Role,
  actor: Actor,
): Promise<{ changed: boolean; message: string; user: { id: string; role: Role } }> {
  if (actor.role !== "admin") throw new Forbidden(msg("Api.moderation.onlyAdministratorsCanDo"));
  const u = await findTarget(db, targetId);
  if (u.id === actor.id) throw new Forbidden(msg("Api.moderation.youCannotChangeYour2"));
  if (u.role === role)
    return {
      changed: false,
      message: `The user is already ${role}; nothing changed.`,
      user: { id: u.id, role },
    };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ role }).where(eq(users.id, u.id));
    await revokeSessions(tx, u.id);
    await recordAction(tx, {
      actorId: actor.id,
      action: "user.role",
      targetType: "user",
      targetId: u.id,
      details: { from: u.role, to: role },
    });
  });
  return { changed: true, message: `${u.name ?? "The user"} is now ${role}.`, user: { id: u.id, role } };
}

/**
 * Marks an account's e-mail address as verified (administrators only; audited as
 * "user.verify_email"), so that a site without SMTP can still let a reader comment and vote.
 */
export async function markEmailVerified(
  db: Db,
  targetId: string,
  actor: Actor,
): Promise<{ changed: boolean; message: string; user: { id: string; emailVerified: string } }> {
  if (actor.role !== "admin") throw new Forbidden(msg("Api.moderation.onlyAdministratorsCanDo"));
  const u = await findTarget(db, targetId);
  if (!u.email) throw new Conflict("no_email", msg("Api.moderation.noEmail"));
  if (u.emailVerified)
    return {
      changed: false,
      message: "The e-mail address is already verified; nothing changed.",
      user: { id: u.id, emailVerified: u.emailVerified.toISOString() },
    };
  const at = new Date();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ emailVerified: at }).where(eq(users.id, u.id));
    await recordAction(tx, {
      actorId: actor.id,
      action: "user.verify_email",
      targetType: "user",
      targetId: u.id,
      details: { by: "admin" },
    });
  });
  return {
    changed: true,
    message: `${u.name ?? "The user"}'s e-mail address is marked as verified.`,
    user: { id: u.id, emailVerified: at.toISOString() },
  };
}

export async function addModeratorNote(db: Db, targetId: string, text: string, actor: Actor) {
  const u = await findTarget(db, targetId);
  const [n] = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(moderatorNotes)
      .values({ userId: u.id, authorId: actor.id, note: text })
      .returning();
    await recordAction(tx, {
      actorId: actor.id,
      action: "user.note",
      targetType: "user",
      targetId: u.id,
      reason: text,
    });
    return rows;
  });
  return { id: n.id, note: n.note, createdAt: n.createdAt.toISOString() };
}

export const userSearchSchema = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export interface UserSummary {
  id: string;
  name: string | null;
  email?: string | null;
  role: string;
  status: string;
  suspendedUntil: string | null;
  createdAt: string;
  approvedCount: number;
  rejectedCount: number;
  pendingCount: number;
}

const counts = {
  approved: sql<number>`(select count(*) from ${comments} x where x.author_id = "users"."id" and x.status = 'approved')`,
  rejected: sql<number>`(select count(*) from ${comments} x where x.author_id = "users"."id" and x.status in ('rejected','spam'))`,
  pending: sql<number>`(select count(*) from ${comments} x where x.author_id = "users"."id" and x.status = 'pending')`,
};

function summary(
  u: typeof users.$inferSelect,
  c: { approved: number; rejected: number; pending: number },
  showEmail: boolean,
): UserSummary {
  return {
    id: u.id,
    name: u.name,
    ...(showEmail ? { email: u.email } : {}),
    role: u.role,
    status: effectiveStatus(u),
    suspendedUntil: effectiveStatus(u) === "suspended" ? (u.suspendedUntil?.toISOString() ?? null) : null,
    createdAt: u.createdAt.toISOString(),
    approvedCount: Number(c.approved),
    rejectedCount: Number(c.rejected),
    pendingCount: Number(c.pending),
  };
}

/** Name or email contains `q` (case-insensitive); newest accounts first. Emails are shown to admins only. */
export async function searchUsers(
  db: Db,
  q: z.output<typeof userSearchSchema>,
  viewer: Actor,
): Promise<{ items: UserSummary[]; nextCursor: string | null }> {
  const showEmail = viewer.role === "admin";
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  let cursor: { at: string; id: string } | null = null;
  if (q.cursor) {
    const [at, id] = Buffer.from(q.cursor, "base64url").toString().split("|");
    if (!id || !at || !isTimestampText(at) || !/^[\w-]{1,100}$/.test(id))
      throw new Invalid("cursor", msg("Api.moderation.cursorMustBeThe"));
    cursor = { at, id };
  }
  const rows = await db
    .select({ u: users, ...counts, createdText: sql<string>`${users.createdAt}::text` })
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        like
          ? showEmail
            ? or(ilike(users.name, like), ilike(users.email, like))
            : ilike(users.name, like)
          : undefined,
        cursor
          ? sql`(${users.createdAt}, ${users.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => summary(r.u, r, showEmail)),
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(`${last.createdText}|${last.u.id}`).toString("base64url")
        : null,
  };
}

export interface UserDetail {
  user: UserSummary & { statusReason: string | null; emailVerified: boolean };
  comments: {
    id: string;
    body: string;
    status: string;
    explanation: string;
    createdAt: string;
    article: { slug: string; title: string };
  }[];
  notes: { id: string; note: string; createdAt: string; author: string | null }[];
  history: { id: string; at: string; action: string; actor: string | null; reason: string | null }[];
}

export async function getUserDetail(db: Db, id: string, viewer: Actor, locale = "en"): Promise<UserDetail> {
  const u = await findTarget(db, id);
  const [c] = await db.select(counts).from(users).where(eq(users.id, u.id));
  const actorName = sql<
    string | null
  >`(select name from ${users} n where n.id = "moderator_notes"."author_id")`;
  const [recent, notes, history] = await Promise.all([
    db
      .select({ c: comments, slug: articles.slug, title: articles.title })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(comments.authorId, u.id))
      .orderBy(desc(comments.createdAt))
      .limit(30),
    db
      .select({ n: moderatorNotes, author: actorName })
      .from(moderatorNotes)
      .where(eq(moderatorNotes.userId, u.id))
      .orderBy(desc(moderatorNotes.createdAt))
      .limit(100),
    db
      .select({
        a: moderationActions,
        actor: sql<string | null>`(select name from ${users} n where n.id = "moderation_actions"."actor_id")`,
      })
      .from(moderationActions)
      .where(and(eq(moderationActions.targetType, "user"), eq(moderationActions.targetId, u.id)))
      .orderBy(desc(moderationActions.id))
      .limit(100),
  ]);
  return {
    user: {
      ...summary(u, c ?? { approved: 0, rejected: 0, pending: 0 }, viewer.role === "admin"),
      statusReason: u.statusReason,
      emailVerified: Boolean(u.emailVerified),
    },
    comments: recent.map((r) => ({
      id: r.c.id,
      body: r.c.body,
      status: r.c.status,
      explanation: localize(explainStatus(r.c), locale),
      createdAt: r.c.createdAt.toISOString(),
      article: { slug: r.slug, title: r.title },
    })),
    notes: notes.map((r) => ({
      id: r.n.id,
      note: r.n.note,
      createdAt: r.n.createdAt.toISOString(),
      author: r.author,
    })),
    history: history.map((r) => ({
      id: String(r.a.id),
      at: r.a.createdAt.toISOString(),
      action: r.a.action,
      actor: r.actor,
      reason: r.a.reason,
    })),
  };
}
