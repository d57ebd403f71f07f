import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import type { Phase } from "../types";

let matcher: RegExpMatcher | undefined;
function english(): RegExpMatcher {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

/** Links and addresses are not language: "https://example.org/analysis" holds no word of the list. */
const LINKS =
  /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*/gi;

/** The text with links, e-mail addresses and bare domain paths blanked out (lengths kept). */
export function withoutLinks(text: string): string {
  return text.replace(LINKS, (m) => " ".repeat(m.length));
}

/** The words of the built-in English list that the text contains (outside links), each once. */
export function profaneWords(text: string): string[] {
  const clean = withoutLinks(text);
  const words = new Set<string>();
  for (const m of english().getAllMatches(clean, true))
    words.add(
      englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ??
        clean.slice(m.startIndex, m.endIndex + 1),
    );
  return [...words];
}

/** True when the text contains a word of the built-in English profanity list (outside links). */
export function hasProfanity(text: string): boolean {
  return english().hasMatch(withoutLinks(text));
}

/** The built-in English profanity list (the `obscenity` package): hold or reject, per the settings. */
export const profanity: Phase = {
  name: "profanity",
  run(input, ctx) {
    const mode = ctx.settings.profanityFilter;
    if (mode === "off") return;
    const words = profaneWords(input.body);
    if (!words.length) return;
    // the moderator sees which words fired (tags are shown in the queue); the author is not told
    const tags = ["profanity", ...words.map((w) => `word:${w}`)];
    return mode === "reject"
      ? {
          status: "rejected",
          reason: "profanity_rejected",
          message: "Not published: it contains profanity. Rephrase it and post again.",
          tags,
        }
      : {
          status: "pending",
          reason: "profanity",
          message: "Held for review: it contains strong language, so a moderator will read it first.",
          tags,
        };
  },
};
