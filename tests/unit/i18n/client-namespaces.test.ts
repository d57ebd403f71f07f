// Every namespace a client component translates with is sent to the browser (CLIENT_NAMESPACES in
// lib/i18n/messages.ts): the imports of every "use client" module of app/ and components/ are followed
// (a server-capable component imported by a client one runs in the browser too), and each
// useTranslations("X") / getTranslations("X") found in that graph must name a listed namespace.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, MESSAGES, PANEL_CLIENT_NAMESPACES } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "../../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.join(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) return c;
  return null;
}

describe("client namespaces", () => {
  it("every namespace used in the browser is in CLIENT_NAMESPACES", () => {
    const files = [...sources("app"), ...sources("components")];
    const src = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
    const queue = files.filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(src(f)));
    expect(queue.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    const used = new Map<string, string>();
    while (queue.length) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = src(f);
      for (const m of text.matchAll(/\b(?:useTranslations|getTranslations)\(\s*["'`]([A-Za-z]+)/g))
        used.set(m[1], f);
      for (const m of text.matchAll(/\bfrom\s+["']([^"']+)["']/g)) {
        if (/^import\s+type\b/m.test(m.input.slice(m.input.lastIndexOf("\n", m.index) + 1, m.index)))
          continue;
        const r = resolve(f, m[1]);
        if (r && (r.startsWith("components/") || r.startsWith("app/"))) queue.push(r);
      }
    }
    // the panel's and account pages' namespaces travel with those pages only (their layouts)
    const listed = new Set<string>([...CLIENT_NAMESPACES, ...PANEL_CLIENT_NAMESPACES]);
    const missing = [...used].filter(([ns]) => !listed.has(ns)).map(([ns, f]) => `${ns} (${f})`);
    expect(missing).toEqual([]);
    // and every listed namespace exists
    expect([...CLIENT_NAMESPACES, ...PANEL_CLIENT_NAMESPACES].filter((ns) => !(ns in MESSAGES.en))).toEqual(
      [],
    );
  });
});
