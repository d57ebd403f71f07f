// The message files are complete and well-formed: every key of English exists in Spanish and the
// reverse, every message parses as ICU, the same placeholders in both, no namespace in two areas, and
// the app's list of languages is the edge's (server/locale.cjs). docs/decisions/130-i18n.md.
import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { AREAS, MESSAGES } from "@/lib/i18n/messages";
import * as edge from "@/server/locale.cjs";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument names of an ICU message ({count}, {name} ...), sorted. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const n of nodes as Array<{
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
      children?: unknown[];
    }>) {
      if (n.type !== 0 && n.type !== 7 && typeof n.value === "string") names.add(n.value);
      if (n.options) for (const o of Object.values(n.options)) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return [...names].sort();
}

const ROOT = path.resolve(__dirname, "../../..");

describe("message files", () => {
  it("every area has a file in every language, and nothing else is in messages/", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join(ROOT, "messages", locale)).sort();
      expect(files).toEqual(
        Object.keys(AREAS[locale])
          .map((a) => `${a}.json`)
          .sort(),
      );
    }
  });

  it("English and Spanish have the same keys", () => {
    const en = flatten(MESSAGES.en as Tree);
    const es = flatten(MESSAGES.es as Tree);
    expect(
      [...en.keys()].filter((k) => !es.has(k)),
      "missing in Spanish",
    ).toEqual([]);
    expect(
      [...es.keys()].filter((k) => !en.has(k)),
      "missing in English",
    ).toEqual([]);
  });

  it("every message is valid ICU with the same arguments in both languages, and none is empty", () => {
    const en = flatten(MESSAGES.en as Tree);
    const es = flatten(MESSAGES.es as Tree);
    const bad: string[] = [];
    for (const [key, message] of en) {
      const other = es.get(key);
      if (!message.trim() || !other?.trim()) {
        bad.push(`${key}: empty`);
        continue;
      }
      try {
        const a = argumentsOf(message, "en");
        const b = argumentsOf(other, "es");
        if (a.join() !== b.join()) bad.push(`${key}: {${a}} in English, {${b}} in Spanish`);
      } catch (e) {
        bad.push(`${key}: ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("no namespace is defined by two areas (they are merged into one object)", () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const [area, tree] of Object.entries(AREAS[locale])) {
        for (const ns of Object.keys(tree)) {
          if (seen.has(ns)) clashes.push(`${ns}: ${seen.get(ns)} and ${area}`);
          seen.set(ns, area);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it("the app and the edge know the same languages", () => {
    expect([...edge.LOCALES]).toEqual([...LOCALES]);
    expect(edge.DEFAULT_LOCALE).toBe(LOCALES[0]);
  });
});
