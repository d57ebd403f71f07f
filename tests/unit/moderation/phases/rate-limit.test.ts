import { afterEach, describe, expect, it } from "vitest";
import { rateLimit } from "@/lib/moderation/phases/rate-limit";
import { input, makeCtx, NOW } from "../context";

// vitest.config raises the comment limits for feature tests; these tests check the settings' limits
delete process.env.AGORA_LIMIT_COMMENT_USER;
delete process.env.AGORA_LIMIT_COMMENT_IP;

describe("phase rate_limit", () => {
  afterEach(() => {
    delete process.env.AGORA_LIMIT_COMMENT_USER;
  });
  it("rejects the author's comment once N were posted in the last minute", async () => {
    const ctx = makeCtx({ settings: { commentsPerMinutePerAuthor: 3 }, facts: { authorRecent: 3 } });
    const v = await rateLimit.run(input("hi"), ctx);
    expect(v).toMatchObject({ status: "rejected", reason: "rate_limited" });
    expect(v?.message).toContain("at most 3 comments a minute");
    expect(ctx.asked[0]).toEqual({ fact: "authorRecent", arg: new Date(NOW.getTime() - 60_000) });
  });
  it("rejects per network too", async () => {
    const ctx = makeCtx({ settings: { commentsPerMinutePerIp: 5 }, facts: { authorRecent: 0, ipRecent: 5 } });
    expect(await rateLimit.run(input("hi"), ctx)).toMatchObject({ reason: "rate_limited_network" });
  });
  it("allows below the limits and never counts edits", async () => {
    expect(
      await rateLimit.run(input("hi"), makeCtx({ facts: { authorRecent: 4, ipRecent: 19 } })),
    ).toBeUndefined();
    const edit = makeCtx({ facts: { authorRecent: 100 } });
    expect(await rateLimit.run(input("hi", { commentId: "c1" }), edit)).toBeUndefined();
    expect(edit.asked).toEqual([]);
  });
  it("lets the environment override the settings (benchmarks)", async () => {
    process.env.AGORA_LIMIT_COMMENT_USER = "100/10";
    const ctx = makeCtx({ settings: { commentsPerMinutePerAuthor: 1 }, facts: { authorRecent: 50 } });
    expect(await rateLimit.run(input("hi"), ctx)).toBeUndefined();
    expect(ctx.asked[0].arg).toEqual(new Date(NOW.getTime() - 10_000));
  });
});
