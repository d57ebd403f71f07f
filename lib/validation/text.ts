// The one rule for control characters in reader- and staff-supplied text (issue 12, hole 13). A NUL
// reaches PostgreSQL as an error (text cannot hold \0: a 500 before this rule), and other control
// characters hide text or fake line breaks in the admin panel. Every text field of an input schema
// goes through `noControl` (single line: names, titles, emails, ids, cursors) or `noControlMultiline`
// (bodies, notes, appeals: line breaks and tabs allowed), or tests `hasControlChars`.
import type { z } from "zod";

/** Any control character (C0, DEL, C1) or Unicode line/paragraph separator. */
export const CONTROL_CHARS = /[\p{Cc}\u2028\u2029]/u;
/** The same, except the line breaks and tabs that multi-line text may hold. */
export const CONTROL_CHARS_MULTILINE = /[^\P{Cc}\n\r\t]|[\u2028\u2029]/u;

export const CONTROL_MESSAGE = "cannot contain control characters";
export const CONTROL_MESSAGE_MULTILINE =
  "cannot contain control characters (other than line breaks and tabs)";

export function hasControlChars(s: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? CONTROL_CHARS_MULTILINE : CONTROL_CHARS).test(s);
}

/** A zod string refined: no control characters at all. */
export function noControl<T extends z.ZodType<string>>(schema: T, message = CONTROL_MESSAGE): T {
  return schema.refine((s) => !CONTROL_CHARS.test(s), { message, abort: true }) as unknown as T;
}

/** A zod string refined: no control characters other than line breaks and tabs. */
export function noControlMultiline<T extends z.ZodType<string>>(
  schema: T,
  message = CONTROL_MESSAGE_MULTILINE,
): T {
  return schema.refine((s) => !CONTROL_CHARS_MULTILINE.test(s), { message, abort: true }) as unknown as T;
}

/**
 * The first string in a parsed input (JSON body, query, form) that holds a control character other
 * than a line break or tab, or is not well-formed Unicode (a lone surrogate): its path ("settings.
 * bannedWords.3") and what is wrong, or null. `validate` (lib/api/http.ts) runs this on every input
 * before its schema, so no text field of any schema can carry a NUL to PostgreSQL; single-line fields
 * also refuse line breaks through `noControl`.
 */
export function findControlChars(
  value: unknown,
  path: (string | number)[] = [],
): { field: string; problem: string } | null {
  if (typeof value === "string") {
    if (!value.isWellFormed()) return { field: path.join("."), problem: "is not well-formed text" };
    const m = CONTROL_CHARS_MULTILINE.exec(value);
    if (!m) return null;
    const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return { field: path.join("."), problem: `${CONTROL_MESSAGE} (found U+${cp})` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = findControlChars(value[i], [...path, i]);
      if (r) return r;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const r = findControlChars(v, [...path, k]);
      if (r) return r;
    }
  }
  return null;
}

/**
 * A timestamp as PostgreSQL prints it (or as toISOString does): what cursors carry. Date.parse accepts
 * far more ("1", "March 7", "2020-02-30x") that PostgreSQL then refuses with a 500.
 */
const PG_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function isTimestampText(s: string): boolean {
  const m = PG_TIMESTAMP.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se] = m.map(Number);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  // the day exists in that month (Date.UTC rolls 2020-02-30 over to March)
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}

/** An article slug as the site makes them: anything else (a NUL included) names no article. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export function isSlug(s: string): boolean {
  return s.length <= 200 && SLUG.test(s);
}
