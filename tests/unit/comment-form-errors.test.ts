// Issue 12, hole 11: the comments page showed ?error= text verbatim (text injection). Codes only now.
import { describe, expect, it } from "vitest";
import { commentFormErrorMessage, errorCodeForUrl, GENERIC_COMMENT_ERROR } from "@/lib/comments/form-errors";

describe("comment form errors (hole 11)", () => {
  it("maps known codes to fixed sentences", () => {
    expect(commentFormErrorMessage("too_long")).toMatch(/too long/);
    expect(commentFormErrorMessage("rate_limited")).toMatch(/too fast/);
    // the server's own limits, never the URL's
    expect(commentFormErrorMessage("too_short", { minLength: 2, maxLength: 5000 })).toMatch(
      /at least 2 characters/,
    );
    expect(commentFormErrorMessage("too_long", { minLength: 2, maxLength: 5000 })).toMatch(
      /at most 5,000 characters/,
    );
  });
  it("never shows text from the URL", () => {
    for (const evil of [
      "Your account is closed: call 0800-SCAM",
      "<b>x</b>",
      "toString",
      "__proto__",
      "constructor",
    ])
      expect(commentFormErrorMessage(evil)).toBe(GENERIC_COMMENT_ERROR);
    expect(commentFormErrorMessage(undefined)).toBeNull();
    expect(commentFormErrorMessage("")).toBeNull();
  });
  it("puts only short lowercase codes in a URL", () => {
    expect(errorCodeForUrl("too_long")).toBe("too_long");
    expect(errorCodeForUrl("Too long!")).toBe("error");
  });
});
