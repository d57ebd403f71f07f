// Sign-up with email, password and display name. Bad input is refused with a message naming the field
// before anything is stored or any limit is spent; a valid attempt spends one `signup_ip` point (so
// probing which emails exist is limited too). The new account must confirm its email (a link by mail)
// before its first comment or vote.
import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { networkHashOf } from "@/lib/http/client";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { messageText, msg, zodIssueText } from "@/lib/i18n/text";
import { log } from "@/lib/log";
import { checkHandle, handleTaken } from "@/lib/profiles/handle";
import { consume } from "@/lib/rate-limit";
import { checkDisplayName } from "./display-name";
import { sendVerificationEmail } from "./email-verification";
import { hashPassword, passwordProblem } from "./password";
import { emailSchema, findUserByEmail, UserInputError } from "./users";

const signUpShape = z.object({
  name: z.unknown(),
  /** optional profile handle (lib/profiles/handle.ts); derived from the name when empty */
  handle: z.unknown().optional(),
  email: z.string({ error: "Enter your email address." }),
  password: z.string({ error: "Choose a password." }),
});

export const DUPLICATE_EMAIL_MESSAGE =
  "An account with this email already exists. Sign in instead, or ask for a sign-in link by email.";

/** Validates everything a sign-up form sends; throws UserInputError naming the first bad field. */
export async function validateSignUp(
  raw: unknown,
): Promise<{ name: string; handle: string | null; email: string; password: string }> {
  const shape = signUpShape.safeParse(raw);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    throw new UserInputError(String(issue.path[0] ?? "form"), zodIssueText(issue));
  }
  const name = await checkDisplayName(shape.data.name);
  if (!name.ok) throw new UserInputError("name", messageText(name.message));
  let handle: string | null = null;
  if (typeof shape.data.handle === "string" && shape.data.handle.trim()) {
    try {
      handle = await checkHandle(shape.data.handle);
    } catch (e) {
      throw new UserInputError(
        "handle",
        e instanceof DomainError && e.text ? e.text : messageText((e as Error).message),
      );
    }
  }
  const email = emailSchema.safeParse(shape.data.email);
  if (!email.success) throw new UserInputError("email", zodIssueText(email.error.issues[0]));
  const problem = passwordProblem(shape.data.password, email.data);
  if (problem) throw new UserInputError("password", messageText(problem));
  return { name: name.name, handle, email: email.data, password: shape.data.password };
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

/**
 * Creates an unconfirmed reader account and mails the confirmation link. Throws UserInputError for bad
 * input or a taken email, RateLimitedError when this network has signed up too often.
 */
export async function signUp(
  db: Db,
  raw: unknown,
  ctx: { ip: string; origin?: string /** the request's language, kept for mail */; locale?: string },
): Promise<User> {
  const input = await validateSignUp(raw);
  await consume("signup_ip", networkHashOf(ctx.ip, "signup-ip"));
  if (await findUserByEmail(db, input.email)) throw new UserInputError("email", DUPLICATE_EMAIL_MESSAGE);
  if (input.handle && (await handleTaken(db, input.handle)))
    throw new UserInputError("handle", msg("Api.auth.handleIs", { handle: input.handle }));
  const passwordHash = await hashPassword(input.password);
  let user: User;
  try {
    [user] = await db
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        role: "reader",
        locale: isLocale(ctx.locale) ? ctx.locale : DEFAULT_LOCALE,
        ...(input.handle ? { handle: input.handle } : {}),
      })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e)) throw new UserInputError("email", DUPLICATE_EMAIL_MESSAGE);
    throw e;
  }
  try {
    await sendVerificationEmail(db, user, ctx.origin);
  } catch {
    // the account exists; the reader can ask for the link again from the account page
    log.warn({ user: user.id }, "the confirmation email for a new account could not be sent");
  }
  return user;
}
