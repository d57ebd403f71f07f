import { describe, expect, it } from "vitest";
import { bannedWords } from "@/lib/moderation/phases/banned-words";
import { input, makeCtx } from "../context";

describe("phase banned_words", () => {
  const ctx = makeCtx({ settings: { bannedWords: ["scam", "casino bonus"] } });
  it("rejects a listed word, obfuscated or not, and names what it found", async () => {
    for (const body of ["total scam", "a $c4m!", "S.C.A.M", "scaaaam", "get a CASINO  bonus"]) {
      const v = await bannedWords.run(input(body), ctx);
      expect(v, body).toMatchObject({ status: "rejected", reason: "banned_word" });
    }
    expect((await bannedWords.run(input("a $c4m!"), ctx))?.message).toContain('"$c4m!"');
  });
  it("matches whole words only", async () => {
    expect(await bannedWords.run(input("scampi for dinner"), ctx)).toBeUndefined();
    expect(await bannedWords.run(input("a casino. bonus points"), ctx)).toMatchObject({ status: "rejected" });
    expect(await bannedWords.run(input("casino night"), ctx)).toBeUndefined();
  });
});
