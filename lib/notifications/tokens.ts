// Signed one-click unsubscribe tokens (RFC 8058): `<user id, base64url>.<category>.<HMAC-SHA256>`,
// keyed with AUTH_SECRET. The token is the only authentication of the unsubscribe endpoint (mail
// providers POST it without cookies or Origin), so it names one reader and one category and cannot be
// altered into another: any change breaks the MAC, compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverSecret } from "@/lib/server/secret";
import { PREF_CATEGORIES, type PrefCategory } from "./prefs";

function mac(userId: string, category: string): string {
  return createHmac("sha256", serverSecret())
    .update(`agora-unsubscribe\n${userId}\n${category}`)
    .digest("base64url");
}

export function unsubscribeToken(userId: string, category: PrefCategory): string {
  return `${Buffer.from(userId).toString("base64url")}.${category}.${mac(userId, category)}`;
}

/** The reader and category a token stands for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(token: string): { userId: string; category: PrefCategory } | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [u, category, sig] = parts;
  if (!(PREF_CATEGORIES as readonly string[]).includes(category)) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(u) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
  const userId = Buffer.from(u, "base64url").toString("utf8");
  if (Buffer.from(userId).toString("base64url") !== u) return null;
  // compare the text, not the decoded bytes: base64url's last character carries 2 unused bits, so
  // decoding would accept a few altered spellings of the same MAC
  const want = Buffer.from(mac(userId, category));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  return { userId, category: category as PrefCategory };
}
