// Article bodies: Markdown written by editors, rendered server-side. Raw HTML is off and the output is
// sanitised anyway, so a compromised editor account cannot inject script into public pages.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface RenderedArticle {
  html: string;
  headings: { id: string; text: string }[];
}

export function renderArticleBody(source: string): RenderedArticle {
  const tokens = md.parse(source, {});
  const headings: RenderedArticle["headings"] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "heading_open" && t.tag === "h2") {
      const text = tokens[i + 1]?.content ?? "";
      let id = slugify(text) || `section-${headings.length + 1}`;
      while (headings.some((h) => h.id === id)) id += "-x";
      t.attrSet("id", id);
      headings.push({ id, text });
    }
  }
  const raw = md.renderer.render(tokens, md.options, {});
  const html = sanitizeHtml(raw, {
    allowedTags: [
      "p",
      "h2",
      "h3",
      "h4",
      "em",
      "strong",
      "a",
      "ul",
      "ol",
      "li",
      "blockquote",
      "code",
      "pre",
      "hr",
      "br",
    ],
    allowedAttributes: { a: ["href", "title"], h2: ["id"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
    },
  });
  return { html, headings };
}
