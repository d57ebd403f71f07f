// The dependency rules of DESIGN.md, checked on the source: lib/ and db/ have no import loops (the
// comment-status loop write → moderation → reports → comment-state → write was one).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PHASES } from "@/lib/moderation";
import { findCycles, ROOT, sourceFiles } from "./imports";

/** Every import (type-only ones too) of `files`, as "file → target". */
function importsInto(files: string[], dir: string): string[] {
  const out: string[] = [];
  for (const f of files) {
    const src = fs.readFileSync(path.join(ROOT, f), "utf8");
    for (const m of src.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'`]([^"'`\n]+)["'`]/g)) {
      const spec = m[1];
      const target = spec.startsWith("@/")
        ? spec.slice(2)
        : spec.startsWith(".")
          ? path.join(path.dirname(f), spec)
          : null;
      if (target && (target === dir || target.startsWith(`${dir}/`))) out.push(`${f} → ${spec}`);
    }
  }
  return out;
}

describe("layers", () => {
  it("app/ never imports db/: pages, handlers and actions call lib", () => {
    expect(importsInto(sourceFiles("app"), "db")).toEqual([]);
  });
  it("lib/ never imports app/ or components/", () => {
    const lib = sourceFiles("lib");
    expect([...importsInto(lib, "app"), ...importsInto(lib, "components")]).toEqual([]);
  });
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
  it("components call the API through components/ui/api.ts only (decision 110), never a raw fetch", () => {
    const raw = sourceFiles("components").filter(
      (f) => f !== "components/ui/api.ts" && /\bfetch\(/.test(fs.readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(raw).toEqual([]);
  });
  it("a transaction is an Executor like a handle: no `as unknown as Db` casts (lib/db.ts)", () => {
    const casts = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")].filter((f) =>
      /as unknown as (Db|Tx|Executor)\b/.test(fs.readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(casts).toEqual([]);
  });
  it("the comment length is checked once (lib/comments/text.ts), not again as a moderation phase", () => {
    expect(PHASES.map((p) => p.name)).not.toContain("length");
    expect(fs.existsSync(path.join(ROOT, "lib/moderation/phases/length.ts"))).toBe(false);
  });
});

describe("docs", () => {
  it("every docs/decisions/NNN-*.md the code and docs name exists", () => {
    const files = [
      ...sourceFiles("lib"),
      ...sourceFiles("app"),
      ...sourceFiles("components"),
      "README.md",
      ...fs.readdirSync(path.join(ROOT, "docs/decisions")).map((f) => `docs/decisions/${f}`),
    ];
    const missing: string[] = [];
    for (const f of files)
      for (const m of fs
        .readFileSync(path.join(ROOT, f), "utf8")
        .matchAll(/decisions\/(\d{3}-[\w.-]+?\.md)/g))
        if (!fs.existsSync(path.join(ROOT, "docs/decisions", m[1]))) missing.push(`${f}: ${m[1]}`);
    expect(missing).toEqual([]);
  });
  it("the README links nothing outside the repository", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).not.toMatch(/\]\(\.\.\/|`\.\.\/[\w]/);
  });
});

describe("routes", () => {
  it("the account pages live in one route folder, app/[locale]/(site)/account", () => {
    const pages = sourceFiles("app").filter((f) => /(^|\/)account\//.test(f) && !f.startsWith("app/api/"));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((f) => !f.startsWith("app/[locale]/(site)/account/"))).toEqual([]);
  });
});
