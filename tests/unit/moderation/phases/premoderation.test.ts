import { describe, expect, it } from "vitest";
import { premoderation } from "@/lib/moderation/phases/premoderation";
import { input, makeCtx } from "../context";

describe("phase premoderation", () => {
  it("holds every reader comment on a premoderated article", async () => {
    const v = await premoderation.run(input("hi"), makeCtx({ article: { moderationMode: "pre" } }));
    expect(v).toMatchObject({ status: "pending", reason: "premoderation" });
  });
  it("follows the site default for articles on 'default'", async () => {
    expect(
      await premoderation.run(input("hi"), makeCtx({ settings: { defaultModerationMode: "pre" } })),
    ).toMatchObject({
      status: "pending",
    });
    expect(await premoderation.run(input("hi"), makeCtx())).toBeUndefined();
    expect(
      await premoderation.run(
        input("hi"),
        makeCtx({ article: { moderationMode: "post" }, settings: { defaultModerationMode: "pre" } }),
      ),
    ).toBeUndefined();
  });
  it("does not hold staff", async () => {
    expect(
      await premoderation.run(
        input("hi"),
        makeCtx({ article: { moderationMode: "pre" }, author: { role: "admin" } }),
      ),
    ).toBeUndefined();
  });
});
