// Every error lib/ and app/ throw carries a message key (docs/decisions/131-i18n-api-and-mail.md): a
// string literal given as an error's message would reach Spanish readers in English. The TypeScript
// compiler finds `new Invalid(field, "…")` and the like.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
/** The position of the message argument of each named error (lib/errors.ts). */
const MESSAGE_ARG: Record<string, number> = {
  BadRequest: 1,
  Unauthenticated: 0,
  Forbidden: 0,
  NotFound: 0,
  Conflict: 1,
  Gone: 1,
  TooLarge: 0,
  UnsupportedMediaType: 0,
  Invalid: 1,
  RateLimited: 0,
  Unavailable: 0,
  UserInputError: 1,
};

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function literalMessages(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text in MESSAGE_ARG) {
      const arg = n.arguments?.[MESSAGE_ARG[n.expression.text]];
      if (
        arg &&
        (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) || ts.isTemplateExpression(arg))
      )
        found.push(
          `${file}:${sf.getLineAndCharacterOfPosition(arg.getStart(sf)).line + 1}: ${arg.getText(sf).slice(0, 60)}`,
        );
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("API error messages", () => {
  it("no error in lib/ or app/ is thrown with a literal English message (use msg(key, params))", () => {
    const found = [...files("lib"), ...files("app")]
      .filter((f) => f !== "lib/errors.ts")
      .flatMap((f) => literalMessages(f, fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });

  it("the check itself finds a literal", () => {
    expect(literalMessages("lib/x.ts", `throw new Invalid("q", "q: too short");`)).toHaveLength(1);
    expect(literalMessages("lib/x.ts", `throw new Invalid("q", msg("Api.search.x"));`)).toEqual([]);
  });
});
