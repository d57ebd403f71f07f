import type { Phase } from "../types";

/** Too short or too long (limits from the settings). */
export const length: Phase = {
  name: "length",
  run(input, ctx) {
    const n = [...input.body.trim()].length;
    const { commentMinLength: min, commentMaxLength: max } = ctx.settings;
    if (n < min)
      return {
        status: "rejected",
        reason: "too_short",
        message: `Not published: a comment needs at least ${min} characters (this one has ${n}).`,
      };
    if (n > max)
      return {
        status: "rejected",
        reason: "too_long",
        message: `Not published: a comment can have at most ${max} characters (this one has ${n}). Shorten it and try again.`,
      };
  },
};
