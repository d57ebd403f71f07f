// Whatever a reader writes, the rendered comment HTML holds no script, no event handler attribute, no
// javascript: (or any non-web) URL and no style — checked over generated inputs (fast-check) mixing
// hostile fragments with Markdown syntax and arbitrary Unicode.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINK_REL, renderCommentBody, sanitizeCommentHtml } from "@/lib/comments/render";

const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "em",
  "strong",
  "s",
  "a",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
]);

const HOSTILE = [
  "<script>alert(1)</script>",
  "<ScRiPt src=//evil.test/x.js></ScRiPt>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<style>body{display:none}</style>",
  '<p style="color:red">',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "[x](vbscript:msgbox)",
  "[x](//evil.test)",
  '[x](http://ok.test "title onmouseover=alert(1)")',
  "![i](javascript:alert(1))",
  "![i](http://img.test/a.png)",
  "<javascript:alert(1)>",
  "<http://ok.test/a>",
  "[ref]\n\n[ref]: javascript:alert(1)\n",
  "onclick=alert(1)",
  ' style="x" ',
  "&lt;script&gt;",
  "&#x3C;script&#x3E;",
  "\u0000",
  "\u202e",
  "https://ok.test/path?q=1&b=2",
  "www.ok.test",
  "mailto:a@b.test",
];
const MARKDOWN = [
  "\n",
  "\n\n",
  "> ",
  "- ",
  "* ",
  "1. ",
  "*",
  "_",
  "**",
  "`",
  "```\n",
  "    ",
  "[",
  "]",
  "(",
  ")",
  "<",
  ">",
  '"',
  "'",
  "=",
  " ",
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);
const readerText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&amp;/g, "&");
}

function assertSafe(html: string): void {
  expect(html).not.toMatch(/<\s*script/i);
  expect(html).not.toMatch(/<\s*style/i);
  // every tag is on the allow-list and carries only href/rel (a) or start (ol)
  for (const m of html.matchAll(/<\s*\/?\s*([a-z0-9]+)([^>]*)>/gi)) {
    const [, tag, attrs] = m;
    expect(ALLOWED_TAGS.has(tag.toLowerCase()), `tag <${tag}>`).toBe(true);
    // the sanitiser writes attributes as name="value": anything else in a tag would be an escape
    expect(attrs, `attributes of <${tag}>`).toMatch(/^(\s+[a-z]+="[^"<>]*")*\s*\/?$/i);
    const names = [...attrs.matchAll(/\s([a-z]+)="/gi)].map((a) => a[1].toLowerCase());
    for (const name of names) {
      expect(name.startsWith("on"), `event handler ${name}`).toBe(false);
      expect(name).not.toBe("style");
      expect(["href", "rel", "start"]).toContain(name);
    }
    // reader text is escaped (< becomes &lt;), so real attributes only live inside real tags
    for (const h of attrs.matchAll(/href\s*=\s*"([^"]*)"/gi)) {
      const url = decodeEntities(h[1])
        .split("")
        .filter((ch) => ch.charCodeAt(0) > 0x20 && (ch.charCodeAt(0) < 0x7f || ch.charCodeAt(0) > 0x9f))
        .join("")
        .toLowerCase();
      // a web or mail address, or the profile link a mention becomes (same site, one path segment)
      expect(url, `href ${h[1]}`).toMatch(/^(https?:|mailto:)|^\/readers\/[a-z0-9-]+$/);
    }
  }
}

describe("comment rendering safety", () => {
  it("never lets reader text become script, handlers, javascript: URLs or style", () => {
    fc.assert(
      fc.property(readerText, (text) => {
        assertSafe(renderCommentBody(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("renders the allowed subset, with nofollow ugc links and no images", () => {
    const html = renderCommentBody(
      "Hi *there* **you** `code`\n\n> quoted\n\n- one\n- two\n\n```\nblock\n```\n\n[site](https://ok.test) ![pic](https://ok.test/p.png) <b>raw</b>",
    );
    expect(html).toContain("<em>there</em>");
    expect(html).toContain("<strong>you</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<pre><code>block\n</code></pre>");
    expect(html).toContain(`<a href="https://ok.test" rel="${LINK_REL}">site</a>`);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;b&gt;raw&lt;/b&gt;");
  });

  it("keeps a reader's relative link as text; only a mention's profile link stays relative", () => {
    for (const src of [
      "[x](/account)",
      "[x](foo/bar)",
      "[x](?a=1)",
      "[x](#top)",
      "[x](/readers/a/../../admin)",
    ]) {
      expect(renderCommentBody(src), src).toBe(`<p>${src}</p>`);
    }
    expect(sanitizeCommentHtml('<a href="/account">x</a> <a href="https://ok.test/">y</a>')).toBe(
      `<a>x</a> <a href="https://ok.test/" rel="${LINK_REL}">y</a>`,
    );
    expect(renderCommentBody("hi @Ann-B")).toBe(
      `<p>hi <a href="/readers/ann-b" rel="${LINK_REL}">@Ann-B</a></p>`,
    );
  });
});
