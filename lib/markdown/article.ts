// Article bodies: Markdown written by editors, rendered server-side. Raw HTML is off and the output is
// sanitised anyway, so a compromised editor account cannot inject script into public pages.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import csp from "@/server/csp.cjs";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Hosts article images may come from besides this site (AGORA_IMAGE_HOSTS, comma-separated, e.g.
 * "images.example-cdn.com"); an image from anywhere else is refused by the editor and dropped from the
 * page. One parser (server/csp.cjs), so the CSP's img-src lists exactly these hosts.
 */
export function imageHosts(env: Record<string, string | undefined> = process.env): string[] {
  return csp.imageHosts(env);
}

/**
 * Same-origin paths ("/media/x.jpg") and https URLs on an allowed host. A path starting "//" or
 * holding a backslash ("/\\evil.example/x.png", which browsers read as "//evil.example/x.png") is
 * another host, not this site.
 */
export function imageSrcAllowed(src: string, hosts = imageHosts()): boolean {
  if (src.includes("\\")) return false;
  if (src.startsWith("/") && !src.startsWith("//")) return true;
  try {
    const u = new URL(src);
    return u.protocol === "https:" && hosts.includes(u.hostname.toLowerCase());
  } catch {
    return false;
  }
}

const IMAGE_RE = /!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?[^)]*\)/g;

/** The body's images that break the rules: no alt text, or a source that is not allowed. */
export function imageProblems(source: string, hosts = imageHosts()): string | null {
  for (const m of source.matchAll(IMAGE_RE)) {
    if (!m[1].trim())
      return `the image ${m[2].slice(0, 80)} needs alt text: write ![what it shows](${m[2].slice(0, 80)})`;
    if (!imageSrcAllowed(m[2], hosts))
      return `the image ${m[2].slice(0, 80)} is not allowed: images must be on this site (a path such as /media/photo.jpg)${hosts.length ? ` or on an allowed host (${hosts.join(", ")})` : "; no other hosts are allowed (AGORA_IMAGE_HOSTS is empty)"}`;
  }
  return null;
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
      "img",
    ],
    allowedAttributes: {
      a: ["href", "title"],
      h2: ["id"],
      img: ["src", "alt", "title", "loading", "decoding"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy", decoding: "async" } }),
    },
    // an image without alt text or from a host that is not allowed is left out
    exclusiveFilter: (frame) =>
      frame.tag === "img" && (!frame.attribs.alt?.trim() || !imageSrcAllowed(frame.attribs.src ?? "")),
  });
  return { html, headings };
}
