// @ts-check
// Compression, all of it in one place (docs/decisions/062-compression-on-by-default.md): brotli or gzip
// by Accept-Encoding (the client's highest q; brotli when both are equally welcome), for compressible
// types of 1 KB or more, never for HEAD or `no-transform`, `Vary: Accept-Encoding` on every compressible
// answer. Three paths, one choice of encoding:
//  - `compressResponse` wraps what Next answers (pages rendered per request, route handlers, server
//    actions, static files without a precompressed sibling): the `compression` middleware, streaming,
//    brotli at quality 4 (about gzip's speed, smaller); Next's own `compress` is off (gzip only);
//  - `sendEncoded` for the answers the edge writes itself (fast lanes). A cached page is compressed once
//    per version and encoding (kept beside its bytes), so serving it compressed costs nothing per request;
//  - `serveStatic`: /_next/static files as the `.br` / `.gz` siblings that `npm run build` wrote
//    (scripts/precompress-static.mjs, brotli quality 11, gzip level 9), read once into memory.
// AGORA_COMPRESS=0 turns all of it off (behind a reverse proxy that compresses). docs/performance.md
// has the cost.
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const compression = require("compression");

const ON = process.env.AGORA_COMPRESS !== "0";
const THRESHOLD = 1024;
// text, JavaScript, JSON and XML of any flavour (application/manifest+json, rss+xml, atom+xml, ...), SVG
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|(?:[\w.-]+\+)?(?:json|xml))\b|image\/svg\+xml)/i;
const BR_STREAM_QUALITY = 4; // per response: as fast as gzip's default, smaller
const BR_MEMO_QUALITY = 5; // once per cached page version: ~4 ms for an 86 KB page

/** @typedef {"br" | "gzip"} Encoding */

/**
 * The encoding to send for an Accept-Encoding header: the accepted one with the highest q (an explicit
 * entry wins over `*`), brotli on a tie; null when neither is acceptable.
 * @param {string | string[] | undefined} accept
 * @returns {Encoding | null}
 */
function pickEncoding(accept) {
  if (!accept) return null;
  /** @type {Record<string, number>} */
  const q = {};
  for (const part of String(accept).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const v = qp ? Number(qp.slice(2)) : 1;
    q[name.trim()] = Number.isFinite(v) ? v : 0;
  }
  const of = (/** @type {string} */ e) => q[e] ?? q["*"] ?? 0;
  const br = of("br");
  const gz = of("gzip");
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? "br" : "gzip";
}

/**
 * @param {Encoding} enc
 * @param {Buffer} body
 * @param {number} brQuality
 */
function compressSync(enc, body, brQuality) {
  return enc === "br"
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: brQuality,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : zlib.gzipSync(body, { level: 9 });
}

/**
 * Headers and body to send for a complete answer: compressed when it should be. `memo` keeps the
 * compressed bytes of a body that is sent many times (a cached page), one per encoding.
 * @param {import("node:http").IncomingMessage} req
 * @param {Record<string, string | string[] | number>} headers lower-case names
 * @param {Buffer} body
 * @param {{ gzip?: Buffer, br?: Buffer }} [memo]
 * @param {number} [threshold] smallest body compressed: Next's streamed route answers have no length
 *   when their headers go out, so they are compressed whatever their size; the lanes that stand in for
 *   routes pass 0 to answer the same
 * @returns {{ headers: Record<string, string | string[] | number>, body: Buffer }}
 */
function encode(req, headers, body, memo, threshold = THRESHOLD) {
  if (!ON) return { headers, body };
  const type = String(headers["content-type"] ?? "");
  if (!COMPRESSIBLE.test(type) || /no-transform/.test(String(headers["cache-control"] ?? "")))
    return { headers, body };
  const vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  const enc = pickEncoding(req.headers["accept-encoding"]);
  if (body.length < threshold || body.length === 0 || req.method === "HEAD" || !enc)
    return { headers: { ...headers, vary }, body };
  const out = memo
    ? (memo[enc] ??= compressSync(enc, body, BR_MEMO_QUALITY))
    : compressSync(enc, body, BR_STREAM_QUALITY);
  return { headers: { ...headers, vary, "content-encoding": enc, "content-length": out.length }, body: out };
}

/**
 * Writes a complete answer, compressed when it should be.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {Record<string, string | string[] | number>} headers lower-case names
 * @param {Buffer} body
 * @param {{ gzip?: Buffer, br?: Buffer }} [memo]
 * @param {number} [threshold]
 */
function sendEncoded(req, res, status, headers, body, memo, threshold) {
  const out = encode(req, { ...headers, "content-length": body.length }, body, memo, threshold);
  res.writeHead(status, out.headers);
  res.end(req.method === "HEAD" ? undefined : out.body);
}

// ----- what Next answers ---------------------------------------------------------------------------------
const middleware = compression({
  threshold: THRESHOLD,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BR_STREAM_QUALITY } },
  // the same types as the edge's own answers (`compressible` would also take e.g. text/event-stream,
  // which its routes mark no-transform anyway)
  filter: (/** @type {unknown} */ _req, /** @type {import("node:http").ServerResponse} */ res) =>
    COMPRESSIBLE.test(String(res.getHeader("content-type") ?? "")),
});

/**
 * Makes `res` compress what is written to it, when it should be (called before Next's handler).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function compressResponse(req, res) {
  if (ON) middleware(/** @type {any} */ (req), /** @type {any} */ (res), () => {});
}

// ----- precompressed static files -----------------------------------------------------------------------
const STATIC_TYPES = /** @type {Record<string, string>} */ ({
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=UTF-8",
});

/** @typedef {{ type: string, mtime: string, br?: Buffer, gzip?: Buffer }} StaticEntry */
/** @type {Map<string, StaticEntry> | null} */
let statics = null;

/**
 * The precompressed siblings under `.next/static`, by URL path (/_next/static/…), read once.
 * @param {string} dir the build's static folder
 */
function loadStatic(dir) {
  /** @type {Map<string, StaticEntry>} */
  const map = new Map();
  /** @param {string} d */
  const walk = (d) => {
    let names;
    try {
      names = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of names) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && STATIC_TYPES[path.extname(e.name)]) {
        /** @type {StaticEntry} */
        const entry = {
          type: STATIC_TYPES[path.extname(e.name)],
          mtime: fs.statSync(p).mtime.toUTCString(),
        };
        // turbopackIgnore: a path known only at run time (.next/static), not a file to trace into the build
        for (const [enc, ext] of /** @type {const} */ ([
          ["br", ".br"],
          ["gzip", ".gz"],
        ]))
          if (fs.existsSync(/*turbopackIgnore: true*/ p + ext))
            entry[enc] = fs.readFileSync(/*turbopackIgnore: true*/ p + ext);
        if (entry.br || entry.gzip)
          map.set(`/_next/static/${path.relative(dir, p).split(path.sep).join("/")}`, entry);
      }
    }
  };
  walk(dir);
  return map;
}

/**
 * Answers a GET/HEAD for a /_next/static file from its precompressed sibling; false when there is none
 * (or the client takes neither encoding, or asks for a range): Next serves it then.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} pathname
 * @param {string} [dir]
 */
function serveStatic(req, res, pathname, dir = path.join(process.cwd(), ".next", "static")) {
  if (!ON || !pathname.startsWith("/_next/static/")) return false;
  if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.range !== undefined) return false;
  statics ??= loadStatic(dir);
  const entry = statics.get(pathname);
  if (!entry) return false;
  const enc = pickEncoding(req.headers["accept-encoding"]);
  const body = enc === "br" ? (entry.br ?? entry.gzip) : enc === "gzip" ? entry.gzip : undefined;
  if (!enc || !body) return false;
  res.writeHead(200, {
    "content-type": entry.type,
    "cache-control": "public, max-age=31536000, immutable",
    "last-modified": entry.mtime,
    vary: "Accept-Encoding",
    "content-encoding": body === entry.br ? "br" : "gzip",
    "content-length": body.length,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

module.exports = {
  COMPRESS: ON,
  compressResponse,
  encode,
  pickEncoding,
  sendEncoded,
  serveStatic,
};
