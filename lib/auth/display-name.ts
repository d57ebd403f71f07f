// The one check for display names, wherever a name is set: sign-up, the account page, and names that
// arrive from OAuth profiles. A rule returns a message saying what is wrong, or null. The form rules
// (length, characters) come first; the moderation word lists (the same ones comments pass) are added to
// RULES by the moderation feature, as one more rule.
import { rectifyConfusion } from "unicode-confusables";
import { checkDisplayName as checkNameWords } from "@/lib/moderation/display-name";
import { findListedWord } from "@/lib/moderation/words";
import { displayNameSchema } from "./users";

/** Names that only the site's staff may carry (whole words, leetspeak and punctuation included). */
export const STAFF_NAMES = ["admin", "administrator", "moderator", "mod team", "agora staff", "agora team"];

/**
 * A name with look-alike letters folded to the letters they imitate (Unicode TR39 confusables, via
 * UTS #39's confusables.txt in unicode-confusables): compatibility forms first (fullwidth, mathematical
 * letters: NFKC), accents dropped, then every non-ASCII character replaced by its prototype, so "Site
 * Аdmin" (Cyrillic А) reads "Site Admin". ASCII stays as it is: the word matcher already reads
 * leetspeak, and TR39 would also turn "m" into "rn". For comparing only, never for display.
 */
export function foldConfusables(name: string): string {
  const base = name
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
  let out = "";
  for (const ch of base) out += ch.charCodeAt(0) < 0x80 ? ch : rectifyConfusion(ch);
  return out
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * The one staff-name check (display names now, handles later): the staff word a name pretends to, read
 * through look-alike letters, or null.
 */
export function staffNamePretence(name: string): string | null {
  return (
    findListedWord(name, STAFF_NAMES)?.found ??
    findListedWord(foldConfusables(name), STAFF_NAMES)?.found ??
    null
  );
}

export type DisplayNameRule = (name: string) => string | null | Promise<string | null>;

export type DisplayNameCheck = { ok: true; name: string } | { ok: false; message: string };

const RULES: DisplayNameRule[] = [
  // nothing but whitespace variants and invisible characters is no name
  (name) => (/^[\s\p{Cf}]*$/u.test(name) ? "Enter a display name." : null),
  (name) => (/\p{Cf}/u.test(name) ? "A display name cannot contain invisible formatting characters." : null),
  (name) => {
    const staff = staffNamePretence(name);
    return staff
      ? `A display name cannot suggest you are site staff ("${staff}"). Choose another name.`
      : null;
  },
  // the moderation word lists, the same ones comments pass, also through look-alike letters
  async (name) => {
    const r = await checkNameWords(name);
    if (!r.ok) return r.message;
    const folded = foldConfusables(name);
    const f = folded === name ? r : await checkNameWords(folded);
    return f.ok ? null : f.message;
  },
];

/** Normalises (trims, collapses inner whitespace) and checks a display name. */
export async function checkDisplayName(raw: unknown): Promise<DisplayNameCheck> {
  if (typeof raw !== "string") return { ok: false, message: "Enter a display name." };
  const parsed = displayNameSchema.safeParse(raw.replace(/\s+/g, " "));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const name = parsed.data.normalize("NFC");
  for (const rule of RULES) {
    const problem = await rule(name);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, name };
}
