// The project's own import graph, read from the source (no bundler): which module imports which,
// type-only imports left out (they vanish at compile time and cannot form a load-order loop).
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
const EXTS = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs"];

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "migrations") out.push(...sourceFiles(rel));
    } else if (EXTS.some((x) => e.name.endsWith(x)) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const cand of [base, ...EXTS.map((x) => base + x), ...EXTS.map((x) => path.join(base, `index${x}`))])
    if (fs.existsSync(path.join(ROOT, cand)) && fs.statSync(path.join(ROOT, cand)).isFile()) return cand;
  return null;
}

/** The value imports (and re-exports) of a file, as repository-relative paths of our own modules. */
export function valueImports(file: string): string[] {
  const src = fs.readFileSync(path.join(ROOT, file), "utf8");
  const specs: string[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of src.matchAll(re)) {
    if (m[2]) continue; // import type … / export type …
    const clause = m[3] ?? "";
    // `import { type A, type B } from` imports nothing at run time
    const braces = clause.match(/^\{([^}]*)\}$/);
    if (braces?.[1].split(",").every((p) => !p.trim() || p.trim().startsWith("type "))) continue;
    const spec = m[4] ?? m[5] ?? m[6];
    const r = resolve(file, spec);
    if (r) specs.push(r);
  }
  return specs;
}

/** Every import cycle among `files` (each reported once, as the list of modules around it). */
export function findCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, valueImports(f)]));
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (!graph.has(g)) continue;
      if (state.get(g) === "open") cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}
