// Display names pass the same word lists as comments: a banned or suspect word, or built-in profanity,
// is refused. (Names that pretend to be the site's staff: lib/auth/display-name.ts staffNamePretence,
// which also reads look-alike letters.)
import "server-only";
import { getDb } from "@/db/client";
import { getSettings, type Settings } from "@/lib/settings";
import { hasProfanity } from "./phases/profanity";
import { findListedWord } from "./words";

export type NameCheck = { ok: true } | { ok: false; message: string };

export async function checkDisplayName(name: string, settings?: Settings): Promise<NameCheck> {
  const s = settings ?? (await getSettings(await getDb()));
  const hit = findListedWord(name, s.bannedWords) ?? findListedWord(name, s.suspectWords);
  if (hit)
    return { ok: false, message: `A display name cannot contain "${hit.found}". Choose another name.` };
  if (s.profanityFilter !== "off" && hasProfanity(name))
    return { ok: false, message: "A display name cannot contain profanity. Choose another name." };
  return { ok: true };
}
