import { describe, expect, it } from "vitest";
import { length } from "@/lib/moderation/phases/length";
import { input, makeCtx } from "../context";

describe("phase length", () => {
  const ctx = makeCtx({ settings: { commentMinLength: 3, commentMaxLength: 10 } });
  it("rejects too short (after trimming) and too long, with the limits in the message", async () => {
    const short = await length.run(input("  ab  "), ctx);
    expect(short).toMatchObject({ status: "rejected", reason: "too_short" });
    expect(short?.message).toContain("at least 3 characters (this one has 2)");
    const long = await length.run(input("x".repeat(11)), ctx);
    expect(long).toMatchObject({ status: "rejected", reason: "too_long" });
    expect(long?.message).toContain("at most 10");
  });
  it("counts characters, not UTF-16 units, and accepts the bounds", async () => {
    expect(await length.run(input("😀😀😀"), ctx)).toBeUndefined();
    expect(await length.run(input("x".repeat(10)), ctx)).toBeUndefined();
  });
});
