// Per-kind e-mail preferences (issue 16): replies, mentions, moderation decisions, followed threads.
// No row = the defaults: replies, mentions and decisions immediately, followed threads off.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import { type NotificationKind, notificationPrefs } from "@/db/schema";
import type { Tx } from "@/lib/db";

export const PREF_CATEGORIES = ["replies", "mentions", "decisions", "follows"] as const;
export type PrefCategory = (typeof PREF_CATEGORIES)[number];
export const PREF_VALUES = ["immediately", "digest", "off"] as const;
export type PrefValue = (typeof PREF_VALUES)[number];
export type NotifyPrefs = Record<PrefCategory, PrefValue>;

export const DEFAULT_PREFS: NotifyPrefs = {
  replies: "immediately",
  mentions: "immediately",
  decisions: "immediately",
  follows: "off",
};

export const CATEGORY_LABEL: Record<PrefCategory, string> = {
  replies: "replies to my comments",
  mentions: "mentions of me",
  decisions: "moderation decisions on my comments",
  follows: "new comments in threads I follow",
};

const value = z.enum(PREF_VALUES, { error: 'must be "immediately", "digest" or "off"' });
export const notifyPrefsInput = z
  .object({ replies: value, mentions: value, decisions: value, follows: value })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, {
    message: "name at least one of replies, mentions, decisions, follows",
  });

export function categoryOf(kind: NotificationKind): PrefCategory {
  if (kind === "reply") return "replies";
  if (kind === "mention") return "mentions";
  if (kind === "follow") return "follows";
  return "decisions";
}

export async function readPrefs(db: Db | Tx, userId: string): Promise<NotifyPrefs> {
  const [row] = await db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, userId));
  if (!row) return { ...DEFAULT_PREFS };
  return {
    replies: row.replies as PrefValue,
    mentions: row.mentions as PrefValue,
    decisions: row.decisions as PrefValue,
    follows: row.follows as PrefValue,
  };
}

/** Sets the categories given (others keep their value); answers the whole set. */
export async function writePrefs(
  db: Db | Tx,
  userId: string,
  patch: Partial<NotifyPrefs>,
): Promise<NotifyPrefs> {
  const next = { ...(await readPrefs(db, userId)), ...patch };
  await db
    .insert(notificationPrefs)
    .values({ userId, ...next })
    .onConflictDoUpdate({ target: notificationPrefs.userId, set: { ...next, updatedAt: sql`now()` } });
  return next;
}

/** For the account page. */
export async function viewerPrefs(userId: string): Promise<NotifyPrefs> {
  return readPrefs(await getDb(), userId);
}
