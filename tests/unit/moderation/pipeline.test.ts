// The composition: the phases in their order, the first deciding phase wins, tags accumulate.
import { describe, expect, it } from "vitest";
import { PHASES } from "@/lib/moderation";
import { runPipeline } from "@/lib/moderation/pipeline";
import type { Phase } from "@/lib/moderation/types";
import { input, makeCtx } from "./context";

describe("moderation pipeline", () => {
  it("runs the phases in the documented order", () => {
    expect(PHASES.map((p) => p.name)).toEqual([
      "comments_closed",
      "quiet_hours",
      "author_status",
      "rate_limit",
      "duplicate",
      "honeypot",
      "banned_words",
      "profanity",
      "suspect_words",
      "links",
      "premoderation",
      "surge",
      "new_commenter",
    ]);
  });
  it("approves a clean comment", async () => {
    const v = await runPipeline(PHASES, input("A thoughtful comment."), makeCtx({ facts: { approved: 5 } }));
    expect(v).toEqual({
      status: "approved",
      phase: "approve",
      reason: "approved",
      message: "Published.",
      tags: [],
    });
  });
  it("lets the first deciding phase win: banned (reject) before suspect (hold) before links", async () => {
    const ctx = makeCtx({ settings: { bannedWords: ["spamword"], suspectWords: ["idiot"] } });
    const v = await runPipeline(PHASES, input("idiot spamword https://x.com"), ctx);
    expect(v).toMatchObject({ status: "rejected", phase: "banned_words", reason: "banned_word" });
    const held = await runPipeline(PHASES, input("idiot https://x.com"), ctx);
    expect(held).toMatchObject({ status: "pending", phase: "suspect_words" });
    const link = await runPipeline(PHASES, input("see https://x.com"), ctx);
    expect(link).toMatchObject({ status: "pending", phase: "links" });
    expect(link.message).toBe("Held for review: links from new commenters are checked first.");
  });
  it("a closed article beats everything, even a honeypot", async () => {
    const v = await runPipeline(
      PHASES,
      input("x", { honeypot: "bot" }),
      makeCtx({ article: { commentsOpen: false } }),
    );
    expect(v.phase).toBe("comments_closed");
  });
  it("premoderation holds what no earlier rule decided; tags of non-deciding phases are kept", async () => {
    const ctx = makeCtx({ article: { moderationMode: "pre" }, facts: { approved: 9 } });
    const v = await runPipeline(PHASES, input("see example.com"), ctx);
    expect(v).toMatchObject({ status: "pending", phase: "premoderation", tags: ["link"] });
  });
  it("a phase's prefetch reads and never spends: a comment refused early costs no allowance", async () => {
    for (const refused of [
      makeCtx({ article: { commentsOpen: false } }),
      makeCtx({ author: { status: "banned" } }),
    ]) {
      const v = await runPipeline(PHASES, input("A thoughtful comment."), refused);
      expect(v.status).toBe("rejected");
      expect(refused.asked.map((a) => a.fact)).not.toContain("allowance");
    }
    // the rate-limit phase spends when it decides
    const ok = makeCtx({ facts: { approved: 5 } });
    await runPipeline(PHASES, input("A thoughtful comment."), ok);
    expect(ok.asked.filter((a) => a.fact === "allowance")).toHaveLength(1);
  });
  it("hands prefetches only the facts that read", async () => {
    let seen: string[] = [];
    const peek: Phase = {
      name: "peek",
      prefetch: (_i, ctx) => {
        seen = Object.keys(ctx.facts).sort();
      },
      run: () => undefined,
    };
    await runPipeline([peek], input("x"), makeCtx());
    expect(seen).toEqual([
      "articleCommentsSince",
      "articleLatestOutcomes",
      "authorApprovedCount",
      "authorBodiesSince",
    ]);
  });
  it("stops at the first decision: later phases are not asked", async () => {
    const seen: string[] = [];
    const spy = (name: string, decide?: "pending"): Phase => ({
      name,
      run: () => {
        seen.push(name);
        return decide ? { status: decide, tags: [name] } : { tags: [`${name}-tag`] };
      },
    });
    const v = await runPipeline([spy("a"), spy("b", "pending"), spy("c")], input("x"), makeCtx());
    expect(seen).toEqual(["a", "b"]);
    expect(v).toMatchObject({ phase: "b", reason: "b", tags: ["a-tag", "b"] });
  });
});
