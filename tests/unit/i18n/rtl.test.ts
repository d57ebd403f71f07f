// RTL-safe layout: app/, components/ and the global CSS use logical Tailwind classes (ms-/me-, ps-/pe-,
// start-/end-, text-start, border-s/e, rounded-s/e), never physical ones that would not flip with
// dir="rtl". tests/e2e/i18n.spec.ts renders the article right-to-left and checks nothing overflows.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const PHYSICAL =
  /(?<=[\s"'`{(:])(?:-?(?:ml|mr|pl|pr|left|right|scroll-ml|scroll-mr|scroll-pl|scroll-pr)-[0-9.[]|text-(?:left|right)(?=[\s"'`;])|border-[lr](?=[-\s"'`;])|rounded-(?:[lr]|tl|tr|bl|br)(?=[-\s"'`;])|float-(?:left|right))/g;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.(tsx?|css)$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe("RTL-safe classes", () => {
  it("no physical left/right Tailwind classes in app/ and components/", () => {
    const found: string[] = [];
    for (const f of [...files("app"), ...files("components")]) {
      const lines = fs.readFileSync(path.join(ROOT, f), "utf8").split("\n");
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const m of line.matchAll(PHYSICAL)) found.push(`${f}:${i + 1}: ${m[0]}`);
      });
    }
    expect(found).toEqual([]);
  });
  it("catches a physical class (the check itself works)", () => {
    const sample = `<p className="ml-2 sm:pr-4 -right-2 text-left border-l-4 rounded-r ms-2 ml-email">`;
    expect([...sample.matchAll(PHYSICAL)].map((m) => m[0])).toEqual([
      "ml-2",
      "pr-4",
      "-right-2",
      "text-left",
      "border-l",
      "rounded-r",
    ]);
  });
});
