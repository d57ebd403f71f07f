// The dependency rules of DESIGN.md, checked on the source: lib/ and db/ have no import loops (the
// comment-status loop write → moderation → reports → comment-state → write was one).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PHASES } from "@/lib/moderation";
import { findCycles, ROOT, sourceFiles } from "./imports";

describe("layers", () => {
  it("lib/ and db/ have no import cycles", () => {
    const cycles = findCycles([...sourceFiles("lib"), ...sourceFiles("db")]);
    expect(cycles.map((c) => c.join(" → "))).toEqual([]);
  });
});

describe("one rule, one home", () => {
  it("the comment counters are written in lib/comments/counters.ts only", () => {
    const writes =
      /\b(reply_count|descendant_count|comment_count)\s*=\s*(greatest\s*\()?\s*\1|\b(replyCount|descendantCount|commentCount)\s*:\s*sql`/;
    const writers = [...sourceFiles("lib"), ...sourceFiles("app")].filter((f) =>
      writes.test(fs.readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(writers).toEqual(["lib/comments/counters.ts"]);
  });
  it("the comment length is checked once (lib/comments/text.ts), not again as a moderation phase", () => {
    expect(PHASES.map((p) => p.name)).not.toContain("length");
    expect(fs.existsSync(path.join(ROOT, "lib/moderation/phases/length.ts"))).toBe(false);
  });
});
