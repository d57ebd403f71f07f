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
