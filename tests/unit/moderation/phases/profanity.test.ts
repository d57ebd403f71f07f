import { describe, expect, it } from "vitest";
import { hasProfanity, profaneWords, profanity } from "@/lib/moderation/phases/profanity";
import { input, makeCtx } from "../context";

describe("phase profanity (built-in English list)", () => {
  it("holds or rejects per the setting, and is silent when off", async () => {
    expect(
      await profanity.run(input("what the fuuuck"), makeCtx({ settings: { profanityFilter: "hold" } })),
    ).toMatchObject({
      status: "pending",
      reason: "profanity",
    });
    expect(
      await profanity.run(input("sh1t"), makeCtx({ settings: { profanityFilter: "reject" } })),
    ).toMatchObject({
      status: "rejected",
    });
    expect(
      await profanity.run(input("sh1t"), makeCtx({ settings: { profanityFilter: "off" } })),
    ).toBeUndefined();
  });
  it("does not flag innocent words containing a rude one", () => {
    expect(hasProfanity("Scunthorpe and the assassin's class")).toBe(false);
  });
  it("never fires inside a link, an address or a longer word, and names the word for the queue", async () => {
    expect(hasProfanity("Read https://example.org/analysis first")).toBe(false);
    expect(hasProfanity("see example.org/anal-ysis or mail anal@example.org")).toBe(false);
    expect(hasProfanity("An analysis of the deployment")).toBe(false);
    expect(profaneWords("what the fuuuck, https://x.test/shit")).toEqual(["fuck"]);
    expect(
      await profanity.run(input("what the fuuuck"), makeCtx({ settings: { profanityFilter: "hold" } })),
    ).toMatchObject({ tags: ["profanity", "word:fuck"] });
  });
});
