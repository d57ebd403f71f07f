// Issue 12, hole 11: the comments page showed ?error= text verbatim (text injection). Codes only now,
// each worded in the messages (here rendered in English and Spanish as the page does).
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { commentFormError, errorCodeForUrl } from "@/lib/comments/form-errors";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

const en = createTranslator({ locale: "en", messages: MESSAGES.en as Messages, namespace: "CommentErrors" });
const es = createTranslator({ locale: "es", messages: MESSAGES.es as Messages, namespace: "CommentErrors" });
const say = (code: unknown, limits?: { minLength: number; maxLength: number }, t = en) => {
  const e = commentFormError(code, limits);
  return e ? t(e.key, e.values) : null;
};
const GENERIC = en("generic");

describe("comment form errors (hole 11)", () => {
  it("maps known codes to fixed sentences", () => {
    expect(say("too_long")).toMatch(/too long/);
    expect(say("rate_limited")).toMatch(/too fast/);
    // the server's own limits, never the URL's
    expect(say("too_short", { minLength: 2, maxLength: 5000 })).toMatch(/at least 2 characters/);
    expect(say("too_long", { minLength: 2, maxLength: 5000 })).toMatch(/at most 5,000 characters/);
    expect(say("too_long", { minLength: 2, maxLength: 50000 }, es)).toMatch(/como máximo 50\.000 caracteres/);
  });
  it("never shows text from the URL", () => {
    for (const evil of [
      "Your account is closed: call 0800-SCAM",
      "<b>x</b>",
      "toString",
      "__proto__",
      "constructor",
    ])
      expect(say(evil)).toBe(GENERIC);
    expect(say(undefined)).toBeNull();
    expect(say("")).toBeNull();
  });
  it("puts only short lowercase codes in a URL", () => {
    expect(errorCodeForUrl("too_long")).toBe("too_long");
    expect(errorCodeForUrl("Too long!")).toBe("error");
  });
});
