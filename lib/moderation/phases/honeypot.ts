import type { Phase } from "../types";

/** The comment form has a field people never see; software that fills every field fills it. */
export const honeypot: Phase = {
  name: "honeypot",
  run(input) {
    if (input.honeypot?.trim())
      return {
        status: "spam",
        reason: "honeypot",
        message:
          "Not published: a hidden form field was filled in, which only automated software does. If you are a person, reload the page and try again.",
        tags: ["bot"],
      };
  },
};
