// @ts-check
// Maps a request path to the route that serves it ("/articles/[slug]"), for access logs and metrics:
// a bounded label set, and no slugs, ids or tokens from the path. Reads Next's routes manifest, so new
// routes are named without anyone editing this file.
const fs = require("node:fs");
const path = require("node:path");

/** @type {Array<{ page: string, re: RegExp }> | null} */
let routes = null;

/** @param {string} dir the project directory */
function loadRoutes(dir) {
  /** @type {Array<{ page: string, re: RegExp }>} */
  const list = [];
  for (const file of [".next/routes-manifest.json", ".next/dev/routes-manifest.json"]) {
    try {
      const m = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      for (const r of [...(m.staticRoutes || []), ...(m.dynamicRoutes || [])])
        list.push({ page: r.page, re: new RegExp(r.regex) });
      for (const r of m.rewrites?.beforeFiles || []) list.push({ page: r.source, re: new RegExp(r.regex) });
      break;
    } catch {
      /* not built yet (dev before the first compile): fall back to prefixes */
    }
  }
  return list;
}

/**
 * @param {string} pathname
 * @param {string} [dir]
 */
function routeOf(pathname, dir = process.cwd()) {
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/")) return pathname.split("/").slice(0, 3).join("/");
  if (!routes || routes.length === 0) routes = loadRoutes(dir);
  // pages are served from app/[locale]/ (server/locale.cjs): the label names the page, the same in
  // every language, as dashboards knew it before the languages came
  for (const r of routes) if (r.re.test(pathname)) return r.page.replace(/^\/\[locale\](?=\/|$)/, "") || "/";
  return "(unmatched)";
}

/** @param {string | undefined} url */
function pathnameOf(url) {
  const u = url || "/";
  const q = u.indexOf("?");
  return q === -1 ? u : u.slice(0, q);
}

module.exports = { pathnameOf, routeOf };
