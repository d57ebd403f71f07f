// Mentions (issue 16). `@handle` in a comment links to the reader's profile (/readers/{handle}) and,
// once the comment is approved, notifies that reader; at most MAX_NOTIFIED_MENTIONS per comment notify.
//
// Handles are `users.handle` (lib/profiles/handle.ts, decision 091): lower case letters, digits and
// inner hyphens, unique. This file is the only place that maps a mentioned handle to a user.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf, type Tx } from "@/lib/db";

export const MAX_NOTIFIED_MENTIONS = 5;
const MENTION = /(^|[^A-Za-z0-9_@/.-])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,28}[A-Za-z0-9])?)(?![A-Za-z0-9-])/g;

/** A typed prefix as a handle could start: lower case letters, digits and hyphens. */
export function handlePrefix(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "")
    .slice(0, 30);
}

/** The distinct handles mentioned in a comment's source, in order of appearance (lower case). */
export function mentionedHandles(source: string): string[] {
  const out: string[] = [];
  for (const part of source.split(/(`+[^`]*`+)/)) {
    if (part.startsWith("`")) continue;
    for (const m of part.matchAll(MENTION)) {
      const h = m[2].toLowerCase();
      if (!out.includes(h)) out.push(h);
    }
  }
  return out;
}

/** Markdown source with each @handle turned into a link to the profile (code spans left alone). */
export function linkMentions(source: string): string {
  if (!source.includes("@")) return source;
  return source
    .split(/(`+[^`]*`+)/)
    .map((part) =>
      part.startsWith("`")
        ? part
        : part.replace(
            MENTION,
            (_all, pre: string, h: string) => `${pre}[@${h}](/readers/${h.toLowerCase()})`,
          ),
    )
    .join("");
}

/** handle -> user id for the handles that name an account that is not deleted. */
export async function resolveHandles(db: Db | Tx, handles: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!handles.length) return out;
  const rows = await rowsOf<{ handle: string; id: string }>(
    db,
    sql`select handle, id from users where deleted_at is null and handle in (${sql.join(
      handles.map((h) => sql`${h.toLowerCase()}`),
      sql`, `,
    )})`,
  );
  for (const r of rows) out.set(r.handle, r.id);
  return out;
}

/** Up to `limit` readers whose handle starts with `prefix`, for the comment form's autocomplete. */
export async function suggestHandles(
  db: Db,
  prefix: string,
  limit = 6,
): Promise<Array<{ handle: string; name: string }>> {
  const p = handlePrefix(prefix);
  if (!p) return [];
  // only [a-z0-9-] remain, so the prefix holds no LIKE wildcard
  return rowsOf<{ handle: string; name: string }>(
    db,
    sql`select handle, name from users
        where deleted_at is null and status <> 'banned' and not profile_hidden and handle like ${`${p}%`}
        order by handle limit ${limit}`,
  );
}
