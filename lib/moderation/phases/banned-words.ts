import type { Phase } from "../types";
import { findListedWord } from "../words";

/** A word from the banned list (whole word, obfuscations included) rejects the comment. */
export const bannedWords: Phase = {
  name: "banned_words",
  run(input, ctx) {
    const hit = findListedWord(input.body, ctx.settings.bannedWords);
    if (hit)
      return {
        status: "rejected",
        reason: "banned_word",
        message: `Not published: it contains "${hit.found}", which is not allowed here. Rephrase it and post again.`,
        tags: ["banned_word", `word:${hit.found}`],
      };
  },
};
