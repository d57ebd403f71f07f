import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import type { Phase } from "../types";

let matcher: RegExpMatcher | undefined;
function english(): RegExpMatcher {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

/** True when the text contains a word of the built-in English profanity list. */
export function hasProfanity(text: string): boolean {
  return english().hasMatch(text);
}

/** The built-in English profanity list (the `obscenity` package): hold or reject, per the settings. */
export const profanity: Phase = {
  name: "profanity",
  run(input, ctx) {
    const mode = ctx.settings.profanityFilter;
    if (mode === "off" || !hasProfanity(input.body)) return;
    return mode === "reject"
      ? {
          status: "rejected",
          reason: "profanity_rejected",
          message: "Not published: it contains profanity. Rephrase it and post again.",
          tags: ["profanity"],
        }
      : {
          status: "pending",
          reason: "profanity",
          message: "Held for review: it contains strong language, so a moderator will read it first.",
          tags: ["profanity"],
        };
  },
};
