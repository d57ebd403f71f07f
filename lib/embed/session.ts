// Signed-in use inside an embed frame on another site. Browsers keep third-party cookies from a frame on
// another site (Chrome's default partitioning, Safari, Firefox), so the site's own first-party session
// cookie never reaches the frame. The frame therefore gets partitioned cookies of its own (CHIPS):
//  1. the frame makes a random one-time key and opens /embed/signin?key=… as a first-party popup;
//  2. there the reader signs in as usual; the popup leaves a copy of the session cookies under the key's
//     hash (embed_handoffs, two minutes);
//  3. the frame POSTs the key to /api/v1/embed/session and receives the same session cookies set with
//     `Partitioned; SameSite=None; Secure`: stored for this host site only, sent by the frame's requests.
// The session itself is unchanged: signing out everywhere, a password change or a ban ends it here too.
import "server-only";
import { createHash } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { embedHandoffs } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { zodIssueText } from "@/lib/i18n/text";

const HANDOFF_MS = 2 * 60 * 1000;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export const handoffKey = z
  .string({ error: "key is required" })
  .regex(/^[0-9a-f]{32,64}$/, "key must be 32-64 hexadecimal characters");

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** The session cookies in a Cookie header. */
export function sessionCookies(cookieHeader: string): { name: string; value: string }[] {
  return cookieHeader
    .split(";")
    .map((p) => p.trim())
    .map((p) => ({ name: p.slice(0, p.indexOf("=")), value: p.slice(p.indexOf("=") + 1) }))
    .filter((c) => c.name && SESSION_COOKIE.test(c.name));
}

/** Step 2: the signed-in popup leaves its session cookies under the key. */
export async function leaveHandoff(key: unknown, cookieHeader: string): Promise<boolean> {
  const k = handoffKey.safeParse(key);
  if (!k.success) throw new Invalid("key", zodIssueText(k.error.issues[0]));
  const cookies = sessionCookies(cookieHeader);
  if (cookies.length === 0) return false;
  const db = await getDb();
  await db.delete(embedHandoffs).where(lt(embedHandoffs.expiresAt, new Date()));
  await db
    .insert(embedHandoffs)
    .values({ keyHash: hashKey(k.data), cookies, expiresAt: new Date(Date.now() + HANDOFF_MS) })
    .onConflictDoNothing();
  return true;
}

/** Step 3: the frame takes them (once); the Set-Cookie values of its partitioned copies. */
export async function takeHandoff(key: unknown): Promise<string[] | null> {
  const k = handoffKey.safeParse(key);
  if (!k.success) throw new Invalid("key", zodIssueText(k.error.issues[0]));
  const db = await getDb();
  const [row] = await db
    .delete(embedHandoffs)
    .where(eq(embedHandoffs.keyHash, hashKey(k.data)))
    .returning();
  if (!row || row.expiresAt < new Date()) return null;
  return row.cookies.map(
    (c) => `${c.name}=${c.value}; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=None; Partitioned`,
  );
}
