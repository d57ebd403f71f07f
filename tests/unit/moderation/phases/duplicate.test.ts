import { describe, expect, it } from "vitest";
import { duplicate } from "@/lib/moderation/phases/duplicate";
import { input, makeCtx, NOW } from "../context";

describe("phase duplicate", () => {
  it("rejects the same text (case and spacing aside) as a recent comment of the author", async () => {
    const ctx = makeCtx({ settings: { duplicateWindowMinutes: 5 }, facts: { bodies: ["Hello   World"] } });
    const v = await duplicate.run(input("hello world"), ctx);
    expect(v).toMatchObject({ status: "rejected", reason: "duplicate" });
    expect(v?.message).toContain("last 5 minutes");
    expect(ctx.asked[0].arg).toEqual(new Date(NOW.getTime() - 5 * 60_000));
  });
  it("accepts different text, and does nothing when the window is 0", async () => {
    expect(
      await duplicate.run(input("hello there"), makeCtx({ facts: { bodies: ["hello world"] } })),
    ).toBeUndefined();
    const off = makeCtx({ settings: { duplicateWindowMinutes: 0 }, facts: { bodies: ["same"] } });
    expect(await duplicate.run(input("same"), off)).toBeUndefined();
    expect(off.asked).toEqual([]);
  });
});
