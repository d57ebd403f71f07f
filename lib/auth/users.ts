// Account records: creation (CLI, sign-up) and lookups. Emails are stored lower-cased.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { Invalid, type Message } from "@/lib/errors";
import { messageText, msg, zodIssueText } from "@/lib/i18n/text";
import { hashPassword, passwordProblem } from "./password";

export const ROLES = ["reader", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const STATUSES = ["active", "suspended", "banned"] as const;
export type Status = (typeof STATUSES)[number];

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .email("Enter a valid email address, like name@example.com.");

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a display name.")
  .max(50, "A display name has at most 50 characters.")
  .refine((s) => !/[\p{Cc}<>]/u.test(s), "A display name cannot contain control characters or < >.");

export const passwordSchema = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Bad input from a person (a form or the API): Invalid with the field. */
export class UserInputError extends Invalid {
  declare readonly field: string;
  constructor(field: string, message: Message) {
    super(field, message);
    this.name = "UserInputError";
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [u] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return u;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

/**
 * Creates a user, or (with `update: true`) updates the password, role and name of an existing one.
 * Used by `npm run user:create`; users made this way have a verified email.
 */
export async function upsertUser(
  db: Db,
  input: {
    email: string;
    password: string;
    role: Role;
    name: string;
    verified?: boolean;
    /** account status (default active); a suspension needs `suspendedUntil` */
    status?: Status;
    suspendedUntil?: Date | null;
    statusReason?: string | null;
  },
  opts: { update?: boolean } = {},
): Promise<{ user: User; created: boolean }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new UserInputError("email", zodIssueText(email.error.issues[0]));
  const name = displayNameSchema.safeParse(input.name);
  if (!name.success) throw new UserInputError("name", zodIssueText(name.error.issues[0]));
  const problem = passwordProblem(input.password);
  if (problem) throw new UserInputError("password", messageText(problem));
  if (!ROLES.includes(input.role))
    throw new UserInputError("role", msg("Api.auth.roleMustBeOne", { roles: ROLES.join(", ") }));
  const status = input.status ?? "active";
  if (!STATUSES.includes(status))
    throw new UserInputError("status", msg("Api.auth.statusMustBeOne", { statuses: STATUSES.join(", ") }));
  if (status === "suspended" && !(input.suspendedUntil instanceof Date && input.suspendedUntil > new Date()))
    throw new UserInputError("until", msg("Api.auth.aSuspensionNeedsAn"));
  const statusFields = {
    status,
    suspendedUntil: status === "suspended" ? input.suspendedUntil! : null,
    statusReason: status === "active" ? null : (input.statusReason ?? null),
  };
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(db, email.data);
  if (existing) {
    if (!opts.update) throw new UserInputError("email", msg("Api.auth.anAccountWithThis"));
    const [user] = await db
      .update(users)
      .set({
        passwordHash,
        role: input.role,
        name: name.data,
        ...statusFields,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerified: existing.emailVerified ?? (input.verified ? new Date() : null),
      })
      .where(eq(users.id, existing.id))
      .returning();
    return { user, created: false };
  }
  const [user] = await db
    .insert(users)
    .values({
      email: email.data,
      name: name.data,
      role: input.role,
      passwordHash,
      ...statusFields,
      emailVerified: input.verified ? new Date() : null,
    })
    .returning();
  return { user, created: true };
}
