// @ts-check
// Compression of the answers the edge writes itself (fast lanes: cached pages, comment pages, the hot
// API writes), the same way Next's own `compress` treats everything else (next.config.js): gzip when
// the client accepts it, for compressible types of 1 KB or more, never for HEAD or `no-transform`, and
// `Vary: Accept-Encoding` on every compressible answer. A cached page is compressed once per version
// (kept beside its bytes), so serving it compressed costs nothing per request. AGORA_COMPRESS=0 turns
// compression off everywhere (behind a reverse proxy that compresses). docs/performance.md has the cost.
const zlib = require("node:zlib");

const ON = process.env.AGORA_COMPRESS !== "0";
const THRESHOLD = 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

/**
 * Whether the client takes gzip (`gzip` or `*` with a q above 0).
 * @param {string | undefined} accept
 */
function takesGzip(accept) {
  if (!accept) return false;
  let star = false;
  for (const part of accept.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const ok = !q || Number(q.slice(2)) > 0;
    if (name === "gzip") return ok;
    if (name === "*") star = ok;
  }
  return star;
}

/**
 * Headers and body to send for a complete answer: gzip-compressed when it should be. `memo` keeps the
 * compressed bytes of a body that is sent many times (a cached page).
 * @param {import("node:http").IncomingMessage} req
 * @param {Record<string, string | string[] | number>} headers lower-case names
 * @param {Buffer} body
 * @param {{ gzip?: Buffer }} [memo]
 * @param {number} [threshold] smallest body compressed: Next's streamed route answers have no length
 *   when their headers go out, so Next compresses them whatever their size; the lanes that stand in for
 *   routes pass 0 to answer the same
 * @returns {{ headers: Record<string, string | string[] | number>, body: Buffer }}
 */
function encode(req, headers, body, memo, threshold = THRESHOLD) {
  if (!ON) return { headers, body };
  const type = String(headers["content-type"] ?? "");
  if (!COMPRESSIBLE.test(type) || /no-transform/.test(String(headers["cache-control"] ?? "")))
    return { headers, body };
  const vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  if (
    body.length < threshold ||
    body.length === 0 ||
    req.method === "HEAD" ||
    !takesGzip(req.headers["accept-encoding"])
  )
    return { headers: { ...headers, vary }, body };
  const gz = memo ? (memo.gzip ??= zlib.gzipSync(body, { level: 9 })) : zlib.gzipSync(body);
  return { headers: { ...headers, vary, "content-encoding": "gzip", "content-length": gz.length }, body: gz };
}

/**
 * Writes a complete answer, compressed when it should be.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {Record<string, string | string[] | number>} headers lower-case names
 * @param {Buffer} body
 * @param {{ gzip?: Buffer }} [memo]
 * @param {number} [threshold]
 */
function sendEncoded(req, res, status, headers, body, memo, threshold) {
  const out = encode(req, { ...headers, "content-length": body.length }, body, memo, threshold);
  res.writeHead(status, out.headers);
  res.end(req.method === "HEAD" ? undefined : out.body);
}

module.exports = { COMPRESS: ON, encode, sendEncoded, takesGzip };
