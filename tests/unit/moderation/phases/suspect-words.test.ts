import { describe, expect, it } from "vitest";
import { suspectWords } from "@/lib/moderation/phases/suspect-words";
import { input, makeCtx } from "../context";

describe("phase suspect_words", () => {
  const ctx = makeCtx({ settings: { suspectWords: ["idiot"] } });
  it("holds a comment with a suspect word for review, saying which", async () => {
    const v = await suspectWords.run(input("what an 1d10t."), ctx);
    expect(v).toMatchObject({ status: "pending", reason: "suspect_word" });
    expect(v?.message).toMatch(/^Held for review: it contains "1d10t\."/);
    // the queue shows the moderator the word that fired
    expect(v?.tags).toEqual(["suspect_word", "word:1d10t."]);
  });
  it("passes clean text", async () => {
    expect(await suspectWords.run(input("idiomatic writing"), ctx)).toBeUndefined();
  });
});
