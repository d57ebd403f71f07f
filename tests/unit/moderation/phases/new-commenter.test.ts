import { describe, expect, it } from "vitest";
import { newCommenter } from "@/lib/moderation/phases/new-commenter";
import { input, makeCtx } from "../context";

describe("phase new_commenter", () => {
  it("holds the first K comments of a new commenter", async () => {
    const v = await newCommenter.run(
      input("hi"),
      makeCtx({ settings: { newCommenterHoldCount: 2 }, facts: { approved: 1 } }),
    );
    expect(v).toMatchObject({ status: "pending", reason: "new_commenter" });
    expect(v?.message).toContain("first 2 comments");
  });
  it("lets established commenters through; K = 0 disables it without a query", async () => {
    expect(
      await newCommenter.run(
        input("hi"),
        makeCtx({ settings: { newCommenterHoldCount: 2 }, facts: { approved: 2 } }),
      ),
    ).toBeUndefined();
    const off = makeCtx({ settings: { newCommenterHoldCount: 0 } });
    expect(await newCommenter.run(input("hi"), off)).toBeUndefined();
    expect(off.asked).toEqual([]);
  });
});
