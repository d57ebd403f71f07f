// Reader handles: the address of a public profile, /readers/{handle}. Lowercase letters, digits and
// single hyphens, 3-30 characters, unique; chosen at sign-up or derived from the display name (by the
// database trigger agora_users_handle, so every way an account is created gets one); changeable once per
// 30 days; checked by the display-name rules (staff names, banned and suspect words, look-alike
// letters). Decision 091. Also the lookups other features use (mentions): findUserIdsByHandles, handleFor.
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, comments, users } from "@/db/schema";
import { checkDisplayName } from "@/lib/auth/display-name";
import { cacheTags, invalidate } from "@/lib/cache";
import { Conflict, Invalid } from "@/lib/errors";
import { msg, zodIssueText } from "@/lib/i18n/text";

export const HANDLE_RE = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,29}$/;
export const HANDLE_CHANGE_DAYS = 30;
/** Paths under /readers and words that would read as the site speaking. */
const RESERVED = new Set([
  "me",
  "new",
  "edit",
  "search",
  "settings",
  "staff",
  "agora",
  "team",
  "support",
  "help",
]);

export const handleSchema = z
  .string({ error: "handle: 3-30 lowercase letters, digits or hyphens." })
  .trim()
  .transform((s) => s.replace(/^@/, "").toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        HANDLE_RE,
        "handle: 3-30 lowercase letters, digits or single hyphens, starting and ending with a letter or digit.",
      ),
  );

/** Checks a handle's form and the display-name rules; returns the normalised handle. */
export async function checkHandle(raw: unknown): Promise<string> {
  const parsed = handleSchema.safeParse(raw);
  if (!parsed.success) throw new Invalid("handle", zodIssueText(parsed.error.issues[0]));
  const handle = parsed.data;
  if (RESERVED.has(handle)) throw new Invalid("handle", msg("Api.profiles.handleIs", { handle }));
  // the same rules as display names, on the handle as written and with its hyphens as spaces and removed
  for (const variant of new Set([handle, handle.replace(/-/g, " "), handle.replace(/-/g, "")])) {
    const check = await checkDisplayName(variant);
    if (!check.ok)
      throw new Invalid(
        "handle",
        msg("Api.profiles.handle", { message: check.message.replace(/display name/g, "handle") }),
      );
  }
  return handle;
}

/** Whether a handle is free (for someone other than `exceptUserId`). */
export async function handleTaken(db: Db, handle: string, exceptUserId?: string): Promise<boolean> {
  const [r] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      exceptUserId ? and(eq(users.handle, handle), ne(users.id, exceptUserId)) : eq(users.handle, handle),
    )
    .limit(1);
  return Boolean(r);
}

/** The date from which the user may change their handle again (null: now). */
export function nextHandleChange(changedAt: Date | null, now = new Date()): Date | null {
  if (!changedAt) return null;
  const next = new Date(changedAt.getTime() + HANDLE_CHANGE_DAYS * 86_400_000);
  return next > now ? next : null;
}

/** Changes a user's handle (once per 30 days). Pages that link the old handle are invalidated. */
export async function changeHandle(db: Db, userId: string, raw: unknown): Promise<string> {
  const handle = await checkHandle(raw);
  const [u] = await db
    .select({ handle: users.handle, changedAt: users.handleChangedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!u) throw new Invalid("handle", msg("Api.profiles.handleNoSuchAccount"));
  if (u.handle === handle) return handle;
  const next = nextHandleChange(u.changedAt);
  if (next)
    throw new Invalid(
      "handle",
      msg("Api.profiles.handleChangeTooSoon", {
        days: HANDLE_CHANGE_DAYS,
        next: next.toISOString().slice(0, 10),
      }),
      "handle_change_too_soon",
    );
  if (await handleTaken(db, handle, userId))
    throw new Conflict("handle_taken", msg("Api.profiles.handleTaken", { handle }));
  try {
    await db.update(users).set({ handle, handleChangedAt: new Date() }).where(eq(users.id, userId));
  } catch (e) {
    if (/unique|duplicate/i.test(String((e as Error).message)))
      throw new Conflict("handle_taken", msg("Api.profiles.handleTaken", { handle }));
    throw e;
  }
  await invalidateReaderPages(db, userId, [u.handle, handle]);
  return handle;
}

/** The pages that show a reader's name or handle: their profile and the articles they commented on. */
export async function invalidateReaderPages(
  db: Db,
  userId: string,
  handles: (string | null)[],
): Promise<void> {
  const slugs = await articleSlugsOf(db, userId);
  await invalidate([
    ...handles.flatMap((h) => (h ? [cacheTags.reader(h)] : [])),
    ...slugs.map((s) => cacheTags.article(s)),
  ]);
}

/** The slugs of the articles a user commented on (their name links from those pages). */
export async function articleSlugsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ slug: articles.slug })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.authorId, userId))
    .limit(5000);
  return rows.map((r) => r.slug);
}

/**
 * Handle -> user id for the handles that name an existing (not deleted) account; unknown ones are left
 * out. Case-insensitive, "@" allowed. Hidden profiles are included: the caller decides what to show.
 */
export async function findUserIdsByHandles(db: Db, handles: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(handles.map((h) => h.replace(/^@/, "").toLowerCase()))].filter((h) =>
    HANDLE_RE.test(h),
  );
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(inArray(users.handle, wanted.slice(0, 500)), isNull(users.deletedAt)));
  return new Map(rows.flatMap((r) => (r.handle ? [[r.handle, r.id] as [string, string]] : [])));
}

/** A user's handle (null for an unknown or deleted account). */
export async function handleFor(db: Db, userId: string): Promise<string | null> {
  const [r] = await db
    .select({ handle: users.handle })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return r?.handle ?? null;
}

/** A user's handle and whether their profile is hidden (for staff pages); null for an unknown user. */
export async function profileFacts(db: Db, userId: string) {
  const [r] = await db
    .select({ handle: users.handle, hidden: users.profileHidden })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return r?.handle ? { handle: r.handle, hidden: r.hidden } : null;
}
