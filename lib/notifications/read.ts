// A reader's notifications (issue 16): the paged list (newest first), the unread count, marking one or
// all read, following a thread and the unsubscribe that a signed link performs.
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import { comments, notifications, threadFollows } from "@/db/schema";
import { isUuid } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { isTimestampText } from "@/lib/validation/text";
import { headline } from "./mail";
import { CATEGORY_LABEL, type PrefCategory, type PrefValue, readPrefs, writePrefs } from "./prefs";
import { verifyUnsubscribeToken } from "./tokens";

export const PAGE_SIZE = 20;

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(r?.n ?? 0);
}

function cursorOf(n: { createdAt: Date; id: string }): string {
  return Buffer.from(`${n.createdAt.toISOString()}|${n.id}`).toString("base64url");
}

function parseCursor(c: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(c, "base64url").toString("utf8").split("|");
  // strictly what cursorOf writes: a date PostgreSQL takes and a real uuid (decision 083), never a 500
  if (!at || !isTimestampText(at) || !isUuid(id))
    throw new Invalid("cursor", msg("Api.notifications.cursorNotACursor"));
  return { at: new Date(at), id };
}

export const listQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .optional(),
  unread: z.enum(["1", "true"]).optional(),
});

export async function listNotifications(
  db: Db,
  userId: string,
  q: z.infer<typeof listQuery> = {},
  /** the language of each notification's line (text) */
  locale = "en",
) {
  const limit = q.limit ?? PAGE_SIZE;
  const cur = q.cursor ? parseCursor(q.cursor) : null;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        q.unread ? isNull(notifications.readAt) : undefined,
        cur
          ? or(
              lt(notifications.createdAt, cur.at),
              and(eq(notifications.createdAt, cur.at), lt(notifications.id, cur.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    notifications: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      read: n.readAt !== null,
      url: String(n.data.url ?? "/account/notifications"),
      text: headline(n.kind, n.data, locale),
      excerpt: (n.data.excerpt as string | undefined) ?? null,
      commentId: n.commentId,
      articleSlug: (n.data.slug as string | undefined) ?? null,
      reason: (n.data.reason as string | undefined) ?? null,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
    unread: await unreadCount(db, userId),
    nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null,
  };
}

export const markReadInput = z.union(
  [
    z.object({ all: z.literal(true, { error: "all must be true" }) }).strict(),
    z
      .object({
        ids: z
          .array(z.uuid({ error: "each id must be a notification id" }), { error: "ids must be a list" })
          .min(1, "ids: name at least one notification")
          .max(200, "ids: at most 200 at once"),
      })
      .strict(),
  ],
  { error: 'send {"ids": [...]} or {"all": true}' },
);

export async function markRead(db: Db, userId: string, input: z.infer<typeof markReadInput>) {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        "ids" in input ? inArray(notifications.id, input.ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: rows.length, unread: await unreadCount(db, userId) };
}

/** Follow or stop following the thread a comment belongs to. */
export async function setFollow(db: Db, userId: string, commentId: string, follow: boolean) {
  const missing = new NotFound(
    msg("Api.notifications.noCommentWithId", { commentId: commentId.slice(0, 60) }),
  );
  if (!isUuid(commentId)) throw missing;
  const [c] = await db
    .select({ rootId: comments.rootId, id: comments.id, status: comments.status })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (c?.status !== "approved") throw missing;
  const rootId = c.rootId ?? c.id;
  await db
    .insert(threadFollows)
    .values({ userId, rootId, active: follow })
    .onConflictDoUpdate({ target: [threadFollows.userId, threadFollows.rootId], set: { active: follow } });
  return { rootId, following: follow };
}

export async function isFollowing(db: Db, userId: string, commentId: string): Promise<boolean> {
  if (!isUuid(commentId)) return false;
  const [r] = await db
    .select({ active: threadFollows.active })
    .from(threadFollows)
    .innerJoin(comments, eq(comments.id, commentId))
    .where(
      and(
        eq(threadFollows.userId, userId),
        sql`${threadFollows.rootId} = coalesce(${comments.rootId}, ${comments.id})`,
      ),
    );
  return Boolean(r?.active);
}

/** Applies a signed unsubscribe (or re-subscribe) link; null when the token is forged or malformed. */
export async function applyUnsubscribe(
  db: Db,
  token: string,
  value: PrefValue = "off",
): Promise<{ category: PrefCategory; value: PrefValue } | null> {
  const t = verifyUnsubscribeToken(token);
  if (!t) return null;
  await writePrefs(db, t.userId, { [t.category]: value });
  return { category: t.category, value };
}

/** For the notifications page: one page, or the first page with a message when the cursor is bad. */
export async function readerNotificationsPage(userId: string, cursor?: string, locale = "en") {
  const db = await getDb();
  try {
    return { ...(await listNotifications(db, userId, { cursor }, locale)), badCursor: false };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return { ...(await listNotifications(db, userId, {}, locale)), badCursor: true };
  }
}

/** For the unsubscribe page: what a token stands for (null when forged) and its current setting. */
export async function describeUnsubscribe(token: string) {
  const t = verifyUnsubscribeToken(token);
  if (!t) return null;
  const prefs = await readPrefs(await getDb(), t.userId);
  return { category: t.category, label: CATEGORY_LABEL[t.category], value: prefs[t.category] };
}
