import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findListedWord } from "@/lib/moderation/words";

const LIST = ["ass", "bad", "shit", "casino bonus", "idiot"];
const found = (t: string) => findListedWord(t, LIST)?.word ?? null;

describe("word-list matcher", () => {
  it("matches whole words case-insensitively, with accents folded", () => {
    expect(found("That is BAD.")).toBe("bad");
    expect(found("bàd")).toBe("bad");
    expect(found("badminton")).toBeNull();
    expect(found("classic grass")).toBeNull();
  });
  it("sees through leetspeak, repeated letters, inserted punctuation, * for a vowel, spaced letters", () => {
    for (const t of [
      "@ss",
      "a$$",
      "4ss",
      "baaaad",
      "b.a.d",
      "b-a-d",
      "b*a*d",
      "sh1t",
      "$h!t",
      "sh*t",
      "s h i t",
      "ID10T!!",
    ])
      expect(found(t), t).not.toBeNull();
  });
  it("does not turn shorter words or numbers into listed ones", () => {
    expect(found("as you like")).toBeNull(); // "as" is not "ass": runs must be at least as long
    expect(found("455 people")).toBeNull(); // a number, not leetspeak
    expect(found("a bad-tempered")).toBe("bad"); // a hyphenated part is a word
  });
  it("matches multi-word entries across any spacing and punctuation between the words", () => {
    expect(findListedWord("Win a Casino   Bonus!", LIST)).toEqual({
      word: "casino bonus",
      found: "casino bonus!",
    });
    expect(found("casino night bonus")).toBeNull();
  });
  it("reports the text as written and the entry as listed", () => {
    expect(findListedWord("you $h1t", LIST)).toEqual({ word: "shit", found: "$h1t" });
  });
  it("copes with hostile input (long runs of symbols: quadratic work here would time the test out)", () => {
    const n = 300_000;
    expect(found(`${"$".repeat(n)}a ${"!".repeat(n)} ${"a".repeat(n)}s`)).toBeNull();
    expect(found(`${"!".repeat(n)}idiot${"!".repeat(n)}`)).toBe("idiot");
  });
  it("never throws and never matches an empty list", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(findListedWord(s, [])).toBeNull();
        findListedWord(s, LIST);
      }),
    );
  });
});
