// Confirming the email address of a password account: a one-time link by mail, valid for 24 hours.
// Tokens live in Auth.js's verification_tokens table under the identifier "verify-email:<user id>",
// stored as a keyed hash (the link holds the only copy of the token). A new link replaces older ones.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { hashValue } from "@/lib/http/client";
import { mailText } from "@/lib/i18n/text";
import { publicBaseUrl, sendMail } from "@/lib/mail";

export const VERIFY_TTL_HOURS = 24;

const identifierFor = (userId: string) => `verify-email:${userId}`;
const tokenHash = (token: string) => hashValue("verify-email", token);

/** Creates a fresh link (dropping older ones) and mails it; the token is never logged. */
export async function sendVerificationEmail(
  db: Db,
  user: { id: string; email: string | null; name: string | null; locale?: string | null },
  requestOrigin?: string,
): Promise<void> {
  if (!user.email) throw new Error("this account has no email address");
  const token = randomBytes(32).toString("base64url");
  const identifier = identifierFor(user.id);
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
  await db.insert(verificationTokens).values({
    identifier,
    token: tokenHash(token),
    expires: new Date(Date.now() + VERIFY_TTL_HOURS * 3600 * 1000),
  });
  const link = `${publicBaseUrl(requestOrigin)}/verify-email?${new URLSearchParams({ id: user.id, token })}`;
  // in the reader's language (users.locale, set at sign-up)
  const t = mailText(user.locale);
  await sendMail({
    to: user.email,
    subject: t("Mail.verify.subject"),
    text: [
      user.name ? t("Mail.hello", { name: user.name }) : t("Mail.helloThere"),
      "",
      t("Mail.verify.intro"),
      link,
      "",
      t("Mail.verify.expiry", { hours: VERIFY_TTL_HOURS }),
    ].join("\n"),
  });
}

export type VerifyResult = "verified" | "already" | "expired" | "invalid";

/** Uses a link's token: it works once, before it expires, for an account that still exists. */
export async function verifyEmailToken(db: Db, userId: unknown, token: unknown): Promise<VerifyResult> {
  if (typeof userId !== "string" || typeof token !== "string" || !userId || token.length > 200)
    return "invalid";
  const [used] = await db
    .delete(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, identifierFor(userId)),
        eq(verificationTokens.token, tokenHash(token)),
      ),
    )
    .returning();
  if (!used) {
    // a second click on a link that already worked is not an error for the reader
    const [u] = await db
      .select({ verified: users.emailVerified })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .limit(1);
    return u?.verified ? "already" : "invalid";
  }
  if (used.expires < new Date()) return "expired";
  const [u] = await db
    .update(users)
    .set({ emailVerified: new Date() })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  return u ? "verified" : "invalid";
}
