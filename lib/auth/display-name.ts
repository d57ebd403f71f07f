// The one check for display names, wherever a name is set: sign-up, the account page, and names that
// arrive from OAuth profiles. A rule returns a message saying what is wrong, or null. The form rules
// (length, characters) come first; the moderation word lists (the same ones comments pass) are added to
// RULES by the moderation feature, as one more rule.
import { checkDisplayName as checkNameWords } from "@/lib/moderation/display-name";
import { displayNameSchema } from "./users";

export type DisplayNameRule = (name: string) => string | null | Promise<string | null>;

export type DisplayNameCheck = { ok: true; name: string } | { ok: false; message: string };

const RULES: DisplayNameRule[] = [
  // nothing but whitespace variants and invisible characters is no name
  (name) => (/^[\s\p{Cf}]*$/u.test(name) ? "Enter a display name." : null),
  (name) => (/\p{Cf}/u.test(name) ? "A display name cannot contain invisible formatting characters." : null),
  // the moderation word lists, the same ones comments pass
  async (name) => {
    const r = await checkNameWords(name);
    return r.ok ? null : r.message;
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
