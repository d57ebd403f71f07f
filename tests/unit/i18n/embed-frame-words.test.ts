// The embed frame's words travel to frame.js as text with {placeholders} (lib/embed/page.ts frameWords):
// the list of placeholders per message must match the messages, and the rendered words must keep them.
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { FRAME_WORD_PARAMS, frameWords } from "@/lib/embed/page";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("embed frame words", () => {
  for (const locale of ["en", "es"] as const) {
    const frame = (MESSAGES[locale] as Messages).Embed.frame as Record<string, string>;

    it(`${locale}: every message has its placeholders listed, and no other`, () => {
      expect(Object.keys(FRAME_WORD_PARAMS).sort()).toEqual(Object.keys(frame).sort());
      for (const [key, names] of Object.entries(FRAME_WORD_PARAMS))
        expect([key, placeholders(frame[key])]).toEqual([key, [...names].sort()]);
    });

    it(`${locale}: rendered words keep each {placeholder} for frame.js`, () => {
      const t = createTranslator({
        locale,
        messages: MESSAGES[locale] as Messages,
        namespace: "Embed.frame",
      });
      const words = frameWords((key, params) => t(key, params as never));
      expect(words).toEqual(frame);
      expect(words.option).toContain("{percent}");
    });
  }
});
