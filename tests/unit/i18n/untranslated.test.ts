// No user-facing English left in the markup: every .tsx file of app/ and components/ is parsed with the
// TypeScript compiler, and any JSX text with letters, any string literal given to a user-facing
// attribute (aria-label, placeholder, title, alt ...) or put in JSX as {"text"}, and any metadata title
// or description literal in app/ is reported. Text goes through next-intl instead
// (docs/decisions/130-i18n.md explains how to add a string). A new untranslated string fails this test.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

/**
 * Folders (or files) whose strings are not translated YET: the second i18n pass (admin, account, API
 * messages, mails) removes its entries from here as it translates them. Empty = everything is checked.
 */
const NOT_YET_TRANSLATED: string[] = [];

/** Words that are the same in every language (names). Keep it short; symbols are never reported. */
const ALLOWED_WORDS = /\b(?:Agora|RSS|Atom|GitHub|OpenAPI)\b/g;
const TEXT_ATTRIBUTES = new Set([
  "hint",
  "note",
  "submitLabel",
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "title",
  "alt",
  "label",
]);
const METADATA_KEYS = new Set(["title", "description", "absolute", "default", "template"]);
const LETTERS = /\p{L}{2,}/u;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...filesUnder(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const skipped = (file: string) => NOT_YET_TRANSLATED.some((p) => file === p || file.startsWith(`${p}/`));
const isText = (s: string) => LETTERS.test(s.replace(ALLOWED_WORDS, ""));

/** "file:line: text" for every untranslated string in one source file. */
function untranslated(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${file}:${line}: ${text.trim().replace(/\s+/g, " ").slice(0, 60)}`);
  };
  const literalText = (e: ts.Node | undefined): string | null => {
    if (!e) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isTemplateExpression(e))
      return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(" ");
    if (ts.isParenthesizedExpression(e)) return literalText(e.expression);
    if (ts.isConditionalExpression(e))
      return [literalText(e.whenTrue), literalText(e.whenFalse)].filter(Boolean).join(" ") || null;
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
        e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    )
      return [literalText(e.left), literalText(e.right)].filter(Boolean).join(" ") || null;
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (isText(node.text)) report(node, node.text);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const t = literalText(node.expression);
      if (t && isText(t)) report(node, t);
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      const t =
        init &&
        (ts.isStringLiteral(init)
          ? init.text
          : ts.isJsxExpression(init)
            ? literalText(init.expression)
            : null);
      if (t && isText(t)) report(node, t);
    } else if (
      file.startsWith("app/") &&
      ts.isPropertyAssignment(node) &&
      METADATA_KEYS.has(node.name.getText(sf))
    ) {
      const t = literalText(node.initializer);
      if (t && isText(t) && /\s/.test(t.trim())) report(node, t);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("untranslated strings", () => {
  const files = [...filesUnder("app"), ...filesUnder("components")].filter(
    (f) => f.endsWith(".tsx") || f.includes("/app/") || f.startsWith("app/"),
  );

  it("no English text in the markup of app/ and components/ (outside NOT_YET_TRANSLATED)", () => {
    const found = files
      .filter((f) => !skipped(f))
      .flatMap((f) => untranslated(f, fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });

  it("catches a new untranslated string (the check itself works)", () => {
    const src = `export const A = () => <p title="Close the menu">Hello there <b>{"Sign in"}</b><i>{t("x")}</i></p>;
export const metadata = { title: "Page not found" };`;
    expect(untranslated("app/x.tsx", src).map((l) => l.replace(/^[^ ]+ /, ""))).toEqual([
      "Close the menu",
      "Hello there",
      "Sign in",
      "Page not found",
    ]);
    expect(
      untranslated("components/x.tsx", `export const B = () => <p aria-label={t("a")}>{t("b")} · Agora</p>;`),
    ).toEqual([]);
  });

  it("every page under app/[locale]/ hands its locale to next-intl (pageLocale), so it renders statically", () => {
    const pages = files.filter(
      (f) => f.startsWith("app/[locale]/") && f.endsWith("/page.tsx") && !skipped(f),
    );
    const missing = pages.filter((f) => {
      const src = fs.readFileSync(path.join(ROOT, f), "utf8");
      // a page that re-exports another page's default (readers/[handle]/page/[n]) inherits its call
      return !src.includes("pageLocale(") && !/export \{[^}]*\bdefault\b[^}]*\} from/.test(src);
    });
    expect(missing).toEqual([]);
  });
});
