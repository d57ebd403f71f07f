import { describe, expect, it } from "vitest";
import { surge, troubledShare } from "@/lib/moderation/phases/surge";
import { input, makeCtx, NOW } from "../context";

const ok = { status: "approved", decidedBy: "approve" };
const held = { status: "pending", decidedBy: "suspect_words" };

describe("phase surge", () => {
  it("switches on when the comment makes more than X in the last minute, and holds it", async () => {
    const ctx = makeCtx({
      settings: { surgeCommentsPerMinute: 10, surgeMinutes: 30 },
      facts: { articleRecent: 10 },
    });
    const v = await surge.run(input("hi"), ctx);
    expect(v).toMatchObject({ status: "pending", reason: "surge" });
    expect(ctx.surges).toHaveLength(1);
    expect(ctx.surges[0].until).toEqual(new Date(NOW.getTime() + 30 * 60_000));
    expect(ctx.surges[0].why).toMatchObject({ trigger: "rate", commentsLastMinute: 11 });
  });
  it("stays off at exactly X", async () => {
    const ctx = makeCtx({ settings: { surgeCommentsPerMinute: 10 }, facts: { articleRecent: 9 } });
    expect(await surge.run(input("hi"), ctx)).toBeUndefined();
    expect(ctx.surges).toEqual([]);
  });
  it("switches on when more than Y % of the latest comments were held or rejected", async () => {
    const outcomes = [...Array(6).fill(held), ...Array(4).fill(ok)];
    const ctx = makeCtx({ settings: { surgeHeldPercent: 50 }, facts: { outcomes } });
    expect(await surge.run(input("hi"), ctx)).toMatchObject({ reason: "surge" });
    expect(ctx.surges[0].why).toMatchObject({ trigger: "held_share", heldPercent: 60, sample: 10 });
  });
  it("needs a sample of at least 10 and ignores neutral holds (mode, surge, newcomers)", async () => {
    const few = makeCtx({ settings: { surgeHeldPercent: 10 }, facts: { outcomes: Array(9).fill(held) } });
    expect(await surge.run(input("hi"), few)).toBeUndefined();
    expect(troubledShare([...Array(10).fill({ status: "pending", decidedBy: "premoderation" })])).toBe(0);
    expect(troubledShare([{ status: "spam", decidedBy: "honeypot" }, ok])).toBe(50);
  });
  it("holds while a surge is on, and counts only comments after a surge ended", async () => {
    const on = makeCtx({ article: { surgeUntil: new Date(NOW.getTime() + 1000) } });
    expect(await surge.run(input("hi"), on)).toMatchObject({ reason: "surge" });
    expect(on.asked).toEqual([]);
    const endedAt = new Date(NOW.getTime() - 20_000);
    const after = makeCtx({ article: { surgeUntil: endedAt } });
    expect(await surge.run(input("hi"), after)).toBeUndefined();
    expect(after.asked[0]).toEqual({ fact: "articleRecent", arg: endedAt });
    expect(after.asked[1]).toEqual({ fact: "outcomes", arg: { since: endedAt, limit: 50 } });
  });
  it("does not hold staff during a surge", async () => {
    const on = makeCtx({
      article: { surgeUntil: new Date(NOW.getTime() + 1000) },
      author: { role: "moderator" },
    });
    expect(await surge.run(input("hi"), on)).toBeUndefined();
  });
});
