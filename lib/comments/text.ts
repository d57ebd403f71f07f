// What a comment body may be: well-formed Unicode without control characters, not blank, between the
// configured lengths. The source is stored normalised (NFC, \n line ends, trimmed); the rendered HTML
// comes from render.ts.
import type { CommentLimits } from "./config";

export type BodyCheck = { ok: true; body: string } | { ok: false; code: string; message: string };

/** The first control character other than tab and line feed (C0, DEL, C1), or null. */
export function findControl(s: string): string | null {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return ch;
  }
  return null;
}

export function checkBody(raw: unknown, limits: CommentLimits): BodyCheck {
  if (typeof raw !== "string") return { ok: false, code: "invalid_input", message: "body must be a string." };
  if (!raw.isWellFormed())
    return {
      ok: false,
      code: "invalid_text",
      message: "The comment contains invalid characters (broken Unicode); please retype it.",
    };
  const text = raw.replace(/\r\n?/g, "\n").normalize("NFC");
  const bad = findControl(text);
  if (bad)
    return {
      ok: false,
      code: "invalid_text",
      message: `The comment contains a control character (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}); only ordinary text, tabs and line breaks are allowed.`,
    };
  if (text.length === 0) return { ok: false, code: "empty", message: "Write something before posting." };
  const body = text.trim();
  if (body.length === 0)
    return { ok: false, code: "empty", message: "The comment is only whitespace; write some text." };
  const length = codePoints(body);
  if (length < limits.minLength)
    return {
      ok: false,
      code: "too_short",
      message: `A comment needs at least ${limits.minLength} characters (this one has ${length}).`,
    };
  if (length > limits.maxLength)
    return {
      ok: false,
      code: "too_long",
      message: `A comment can have at most ${limits.maxLength.toLocaleString("en-US")} characters (this one has ${length.toLocaleString("en-US")}).`,
    };
  return { ok: true, body };
}

/** Length as readers count it: code points, not UTF-16 units. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
