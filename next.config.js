// @ts-check
const path = require("node:path");
// next-intl reads its per-request configuration (messages, formats) from lib/i18n/request.ts.
// precompile: every messages/**.json imported by the app is compiled from ICU text at build time, and
// the browser gets a small formatter instead of the ICU parser (12 kB gzip less on every page;
// docs/decisions/132-first-load-js.md). Code outside Next (scripts, vitest) reads the raw text.
const withNextIntl = require("next-intl/plugin")({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "es"], precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "prom-client", "pg-boss", "pg"],
  cacheHandler: path.join(__dirname, "server", "cache-handler.cjs"),
  cacheMaxMemorySize: 0, // our handler keeps its own bounded memory store
  // compression is the edge's (server/compress.cjs: brotli or gzip, on by default, AGORA_COMPRESS=0
  // behind a proxy that compresses); Next's own `compress` knows gzip only
  compress: false,
  poweredByHeader: false,
  // Next hashes the whole HTML of every response for an ETag, on every request (~10 % of the CPU of a
  // cached article page with its comments); the reverse proxy can add validators if wanted
  generateEtags: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden()/unauthorized(): real 403/401 statuses from pages
  // the stylesheet stays a file (not `inlineCss`): inlined, Next puts it into every page three times
  // (docs/decisions/133-stylesheet-not-inlined.md)
  experimental: { authInterrupts: true },
  async rewrites() {
    // the home page is an ISR page with a param so that `next build` never prerenders it (no database
    // at build time); see docs/decisions/002-caching.md. server/main.mjs already serves `/` as
    // /{locale}/front/home (docs/decisions/130-i18n.md); this covers an explicit /es or /en
    return { beforeFiles: [{ source: "/:locale(en|es)", destination: "/:locale/front/home" }] };
  },
};

module.exports = withNextIntl(nextConfig);
