// First-load JavaScript of a page: every script the HTML loads from /_next/static (async, module and
// preloaded chunks; not the noModule polyfill modern browsers skip), summed raw and gzipped (level 9,
// as a proxy would send it). Usage: node tests/bench/first-load-js.mjs http://127.0.0.1:3000/articles/slug
import zlib from "node:zlib";

const url = process.argv[2];
if (!url) {
  console.error("usage: node tests/bench/first-load-js.mjs <page url>");
  process.exit(2);
}
const html = await (await fetch(url)).text();
const srcs = new Set();
for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
  const attrs = m[1];
  const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
  if (src?.startsWith("/_next/static/") && !/\bnoModule\b/i.test(attrs)) srcs.add(src);
}
// chunks the Turbopack bootstrap and preload links name
for (const m of html.matchAll(/"(static\/chunks\/[\w./~-]+\.js)"/g)) srcs.add(`/_next/${m[1]}`);
for (const m of html.matchAll(
  /<link\b[^>]*rel="(?:preload|modulepreload)"[^>]*href="(\/_next\/static\/[^"]+\.js)"/g,
))
  srcs.add(m[1]);
let raw = 0;
let gz = 0;
const rows = [];
for (const src of srcs) {
  const buf = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
  const g = zlib.gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  rows.push([g, buf.length, src]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [g, r, src] of rows)
  console.log(`${(g / 1024).toFixed(1).padStart(7)} kB gz ${(r / 1024).toFixed(1).padStart(8)} kB  ${src}`);
console.log(
  `total: ${rows.length} scripts, ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip`,
);
