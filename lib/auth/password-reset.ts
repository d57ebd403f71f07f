// "Forgot password": a one-time link by mail, valid for an hour, that sets a new password and ends every
// session of the account. Tokens live in Auth.js's verification_tokens table under the identifier
// "reset-password:<user id>", stored as a keyed hash (the mail holds the only copy). A new request
// replaces older links. The answer to a request never says whether the address has an account.
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { hashValue } from "@/lib/http/client";
import { mailText, messageText, msg } from "@/lib/i18n/text";
import { log } from "@/lib/log";
import { publicBaseUrl, sendMail } from "@/lib/mail";
import { consume, RateLimitedError, refund } from "@/lib/rate-limit";
import { hashPassword, passwordProblem } from "./password";
import { revokeSessions } from "./sessions";
import { emailSchema } from "./users";

export const RESET_TTL_MINUTES = 60;

const identifierFor = (userId: string) => `reset-password:${userId}`;
const tokenHash = (token: string) => hashValue("reset-password", token);

export const resetRequestInput = z.object({ email: emailSchema }).strict();

export const resetConfirmInput = z
  .object({
    id: z.string({ error: "The link is incomplete." }).min(1).max(100),
    token: z.string({ error: "The link is incomplete." }).min(1).max(200),
    newPassword: z.string({ error: "Enter a new password." }).max(1000),
  })
  .strict();

/**
 * Mails a reset link to `email` when an active account has it. Limited like sign-in links: per network
 * (`signin_ip`) and per address (`magic_link_email`, its own bucket). Silent about unknown addresses.
 */
export async function requestPasswordReset(
  input: z.infer<typeof resetRequestInput>,
  ip: string,
  requestOrigin?: string,
): Promise<void> {
  const net = hashValue("signin-ip", ip);
  await consume("signin_ip", net);
  try {
    await consume("magic_link_email", hashValue("reset-password-email", input.email));
  } catch (e) {
    if (e instanceof RateLimitedError) await refund("signin_ip", net);
    throw e;
  }
  const db = await getDb();
  const [u] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      locale: users.locale,
    })
    .from(users)
    .where(and(eq(users.email, input.email), isNull(users.deletedAt)))
    .limit(1);
  if (!u?.email || u.status === "banned") return;
  const token = randomBytes(32).toString("base64url");
  const identifier = identifierFor(u.id);
  await db.transaction(async (tx) => {
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
    await tx.insert(verificationTokens).values({
      identifier,
      token: tokenHash(token),
      expires: new Date(Date.now() + RESET_TTL_MINUTES * 60 * 1000),
    });
  });
  const link = `${publicBaseUrl(requestOrigin)}/reset-password?${new URLSearchParams({ id: u.id, token })}`;
  try {
    const t = mailText(u.locale);
    await sendMail({
      to: u.email,
      subject: t("Mail.reset.subject"),
      text: [
        u.name ? t("Mail.hello", { name: u.name }) : t("Mail.helloThere"),
        "",
        t("Mail.reset.intro"),
        link,
        "",
        t("Mail.reset.expiry", { minutes: RESET_TTL_MINUTES }),
        t("Mail.reset.ignore"),
      ].join("\n"),
    });
  } catch (e) {
    // the answer stays the same whether or not the address has an account
    log.error({ err: (e as Error).name }, "password reset mail failed");
  }
}

export type ResetLinkState = "ok" | "invalid" | "expired";

/** Whether a link can still be used (without using it): the page shows the form or says why not. */
export async function resetLinkState(id: unknown, token: unknown): Promise<ResetLinkState> {
  if (typeof id !== "string" || typeof token !== "string" || !id || !token || token.length > 200)
    return "invalid";
  const db = await getDb();
  const [row] = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, identifierFor(id)),
        eq(verificationTokens.token, tokenHash(token)),
      ),
    )
    .limit(1);
  if (!row) return "invalid";
  return row.expires < new Date() ? "expired" : "ok";
}

/**
 * Uses a link: sets the new password, confirms the address (the link reached it) and ends every
 * session. Works once, before it expires; a bad password leaves the link usable.
 */
export async function confirmPasswordReset(input: z.infer<typeof resetConfirmInput>): Promise<void> {
  const db = await getDb();
  const [u] = await db
    .select({ id: users.id, email: users.email, emailVerified: users.emailVerified })
    .from(users)
    .where(and(eq(users.id, input.id), isNull(users.deletedAt)))
    .limit(1);
  const problem = passwordProblem(input.newPassword, u?.email ?? undefined);
  if (problem) throw new Invalid("newPassword", messageText(problem));
  const passwordHash = await hashPassword(input.newPassword);
  const used = await db.transaction(async (tx) => {
    const [t] = await tx
      .delete(verificationTokens)
      .where(
        and(
          eq(verificationTokens.identifier, identifierFor(input.id)),
          eq(verificationTokens.token, tokenHash(input.token)),
        ),
      )
      .returning();
    if (!t || !u) return "invalid" as const;
    if (t.expires < new Date()) return "expired" as const;
    await tx
      .update(users)
      .set({ passwordHash, ...(u.emailVerified ? {} : { emailVerified: new Date() }) })
      .where(eq(users.id, u.id));
    await revokeSessions(tx, u.id);
    return "ok" as const;
  });
  if (used === "expired") throw new Invalid("token", msg("Api.auth.linkExpired"), "link_expired");
  if (used !== "ok") throw new Invalid("token", msg("Api.auth.linkInvalid"), "link_invalid");
}
