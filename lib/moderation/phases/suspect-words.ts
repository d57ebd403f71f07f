import type { Phase } from "../types";
import { findListedWord } from "../words";

/** A word from the suspect list holds the comment for a moderator. */
export const suspectWords: Phase = {
  name: "suspect_words",
  run(input, ctx) {
    const hit = findListedWord(input.body, ctx.settings.suspectWords);
    if (hit)
      return {
        status: "pending",
        reason: "suspect_word",
        message: `Held for review: it contains "${hit.found}", so a moderator will read it before it appears.`,
        tags: ["suspect_word", `word:${hit.found}`],
      };
  },
};
