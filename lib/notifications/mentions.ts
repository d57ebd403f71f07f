// Mentions (issue 16). `@handle` in a comment links to the reader's profile (/readers/{handle}) and,
// once the comment is approved, notifies that reader; at most MAX_NOTIFIED_MENTIONS per comment notify.
//
// Handles: until `users.handle` exists (the discovery issue), a reader's handle is DERIVED from the
// display name by handleOf(): letters and digits only, accents dropped, lower case ("Ana María" ->
// "anamaria"). Two readers whose names give the same handle: the older account wins. This file is the
// only place that knows how a handle maps to a user; switching to the real column is a change here
// (resolveHandles and suggestHandles) and nowhere else.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows, type Tx } from "@/lib/tx";

export const MAX_NOTIFIED_MENTIONS = 5;
const MENTION = /(^|[^A-Za-z0-9_@/.])@([A-Za-z0-9_]{2,30})\b/g;

export function handleOf(name: string | null | undefined): string {
  return (name ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase()
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

const DERIVED = sql.raw(
  `lower(regexp_replace(normalize(coalesce(u.name, ''), NFKD), '[^A-Za-z0-9]', '', 'g'))`,
);

/** handle -> user id for the handles that name an active account (older account first on a clash). */
export async function resolveHandles(db: Db | Tx, handles: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!handles.length) return out;
  const rows = await executeRows<{ handle: string; id: string }>(
    db as Db,
    sql`select distinct on (h) h as handle, id from (
          select left(${DERIVED}, 30) as h, u.id, u.created_at from users u where u.deleted_at is null
        ) x where h in (${sql.join(
          handles.map((h) => sql`${h}`),
          sql`, `,
        )}) order by h, created_at`,
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
  const p = handleOf(prefix);
  if (!p) return [];
  const rows = await executeRows<{ handle: string; name: string }>(
    db,
    sql`select distinct on (h) h as handle, name from (
          select left(${DERIVED}, 30) as h, u.name, u.created_at from users u
          where u.deleted_at is null and u.status <> 'banned'
        ) x where h like ${`${p}%`} order by h, created_at limit ${limit}`,
  );
  return rows.filter((r) => r.handle);
}
