// The public base URL of the site, for feeds, sitemaps and structured data (absolute links).
export function siteUrl(): string {
  return (process.env.AUTH_URL || process.env.AGORA_PUBLIC_URL || "http://localhost:3000").replace(
    /\/+$/,
    "",
  );
}

export function absolute(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Markdown source to one line of plain text (for feed titles, JSON-LD text, snippets). */
export function plainText(markdown: string, max = 0): string {
  const t = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_>#~]+/g, "")
    .replace(/^\s*[-+]\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return max > 0 && t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
