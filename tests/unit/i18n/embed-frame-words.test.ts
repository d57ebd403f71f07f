// The embed frame's words travel to frame.js as text with {placeholders} (lib/embed/page.ts frameWords):
// the list of placeholders per message must match the messages, and the rendered words must keep them.
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { FRAME_PLACEHOLDERS, frameWords } from "@/lib/embed/page";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("embed frame words", () => {
  for (const locale of ["en", "es"] as const) {
    const frame = (MESSAGES[locale] as Messages).Embed.frame as Record<string, string>;

    it(`${locale}: every placeholder a message uses is listed`, () => {
      for (const [key, text] of Object.entries(frame))
        expect([
          key,
          placeholders(text).filter((n) => !(FRAME_PLACEHOLDERS as readonly string[]).includes(n)),
        ]).toEqual([key, []]);
    });

    it(`${locale}: rendered words keep each {placeholder} for frame.js`, () => {
      const t = createTranslator({
        locale,
        messages: MESSAGES[locale] as Messages,
        namespace: "Embed.frame",
      });
      const words = frameWords(`test-${locale}`, Object.keys(frame), (key, params) =>
        t(key as "none", params as never),
      );
      expect(words).toEqual(frame);
      expect(words.option).toContain("{percent}");
    });
  }
});
