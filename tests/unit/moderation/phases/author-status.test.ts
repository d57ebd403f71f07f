import { describe, expect, it } from "vitest";
import { authorStatus } from "@/lib/moderation/phases/author-status";
import { input, makeCtx, NOW } from "../context";

describe("phase author_status", () => {
  it("rejects banned authors", async () => {
    const v = await authorStatus.run(input("x"), makeCtx({ author: { status: "banned" } }));
    expect(v).toMatchObject({ status: "rejected", reason: "author_banned" });
  });
  it("rejects authors suspended until later, naming the end", async () => {
    const until = new Date(NOW.getTime() + 3600_000);
    const v = await authorStatus.run(
      input("x"),
      makeCtx({ author: { status: "suspended", suspendedUntil: until } }),
    );
    expect(v).toMatchObject({ status: "rejected", reason: "author_suspended" });
    expect(v?.message).toContain("2030-06-01 13:00 UTC");
  });
  it("lets an expired suspension and active authors through", async () => {
    const past = new Date(NOW.getTime() - 1000);
    expect(
      await authorStatus.run(input("x"), makeCtx({ author: { status: "suspended", suspendedUntil: past } })),
    ).toBeUndefined();
    expect(await authorStatus.run(input("x"), makeCtx())).toBeUndefined();
  });
});
