import { afterEach, describe, expect, it } from "vitest";
import { rateLimit } from "@/lib/moderation/phases/rate-limit";
import { input, makeCtx } from "../context";

// vitest.config raises the comment limits for feature tests; these tests check the settings' limits
delete process.env.AGORA_LIMIT_COMMENT_USER;
delete process.env.AGORA_LIMIT_COMMENT_IP;

describe("phase rate_limit", () => {
  afterEach(() => {
    delete process.env.AGORA_LIMIT_COMMENT_USER;
  });
  it("refuses the author's comment once the allowance is spent, saying when to try again", async () => {
    const ctx = makeCtx({ settings: { commentsPerMinutePerAuthor: 3 }, facts: { authorWait: 42 } });
    const v = await rateLimit.run(input("hi"), ctx);
    expect(v).toMatchObject({ status: "rejected", reason: "rate_limited", retryAfterSeconds: 42 });
    expect(v?.message).toContain("at most 3 comments a minute");
    expect(v?.message).toContain("Try again in 42 seconds");
    // the allowance asked for is the settings' size
    expect(ctx.asked[0]).toEqual({
      fact: "allowance",
      arg: { author: { points: 3, seconds: 60 }, ip: { points: 20, seconds: 60 } },
    });
  });
  it("refuses per network too", async () => {
    const ctx = makeCtx({ settings: { commentsPerMinutePerIp: 5 }, facts: { ipWait: 7 } });
    expect(await rateLimit.run(input("hi"), ctx)).toMatchObject({
      reason: "rate_limited_network",
      retryAfterSeconds: 7,
    });
  });
  it("allows within the allowance and never spends for edits", async () => {
    expect(await rateLimit.run(input("hi"), makeCtx())).toBeUndefined();
    const edit = makeCtx({ facts: { authorWait: 100 } });
    rateLimit.prefetch?.(input("hi", { commentId: "c1" }), edit);
    expect(await rateLimit.run(input("hi", { commentId: "c1" }), edit)).toBeUndefined();
    expect(edit.asked).toEqual([]);
  });
  it("lets the environment override the settings (benchmarks)", async () => {
    process.env.AGORA_LIMIT_COMMENT_USER = "100/10";
    const ctx = makeCtx({ settings: { commentsPerMinutePerAuthor: 1 } });
    expect(await rateLimit.run(input("hi"), ctx)).toBeUndefined();
    expect((ctx.asked[0].arg as { author: unknown }).author).toEqual({ points: 100, seconds: 10 });
  });
});
