// @ts-check
// Agora's Content-Security-Policy and the other security headers, in one place
// (docs/decisions/005-content-security-policy.md). Plain CommonJS because three kinds of code use it:
// server/main.mjs (every response), server/cache-handler.cjs (cached pages) and the TypeScript app and tests.
//
// Cached public pages cannot carry a per-request nonce (that would force rendering every request), so
// a page that enters the cache gets a policy listing the sha256 hashes of exactly the framework's own
// inline scripts, recognised by their shape:
//   - `(self.__next_f=self.__next_f||[]).push([0])`                      the flight bootstrap
//   - `self.__next_f.push([1,"…"])` / `[3,"base64"]`                    the page's RSC payload, checked
//     byte for byte against the payload Next stored beside the HTML, in order
//   - `(globalThis["TURBOPACK"] || …).push({"otherChunks":[…],…})`       Turbopack's chunk bootstrap
// Any other inline script (an injection, or a new framework script after an upgrade) gets no hash and
// is blocked by the browser. JSON-LD and other non-JavaScript `type`s are data blocks, never executed.
// Pages rendered per request get a nonce from server/main.mjs instead, which Next applies to its scripts.
const crypto = require("node:crypto");

const CSP = "content-security-policy";

/** @param {string} text */
function sha256Source(text) {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const FLIGHT_BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT_PREFIX = "self.__next_f.push(";
const TURBOPACK_RE =
  /^\(globalThis\[("[A-Za-z_$][\w$]*")\] \|\| \(globalThis\[\1\] = \[\]\)\)\.push\((\{.*\})\);?$/s;
const CHUNK_PATH_RE = /^static\/(?!.*\.\.)[\w./~-]+$/;
const JS_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

/** @param {string} attrs */
function scriptType(attrs) {
  const m = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "").trim().toLowerCase() : "";
}

/** @param {string} body */
function isTurbopackBootstrap(body) {
  const m = TURBOPACK_RE.exec(body);
  if (!m) return false;
  let params;
  try {
    params = JSON.parse(m[2]);
  } catch {
    return false;
  }
  if (!params || typeof params !== "object" || Array.isArray(params)) return false;
  for (const [k, v] of Object.entries(params)) {
    if (k === "otherChunks") {
      if (!Array.isArray(v) || !v.every((p) => typeof p === "string" && CHUNK_PATH_RE.test(p))) return false;
    } else if (k === "runtimeModuleIds") {
      if (!Array.isArray(v) || !v.every((id) => typeof id === "number" || typeof id === "string"))
        return false;
    } else return false;
  }
  return true;
}

/**
 * The bytes a `self.__next_f.push([1|3, …])` script feeds to the client, or null when it is not one.
 * @param {string} body
 */
function flightChunk(body) {
  if (!body.startsWith(FLIGHT_PREFIX) || !body.endsWith(")")) return null;
  let arg;
  try {
    arg = JSON.parse(body.slice(FLIGHT_PREFIX.length, -1));
  } catch {
    return null;
  }
  if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[1] !== "string") return null;
  if (arg[0] === 1) return Buffer.from(arg[1], "utf8");
  if (arg[0] === 3) return Buffer.from(arg[1], "base64");
  return null;
}

/**
 * Finds the framework's own inline scripts in a rendered page and returns their CSP hash sources.
 * `rscData` is the RSC payload Next stores beside the HTML: the inline flight scripts must reproduce
 * it in order, so a forged `self.__next_f.push(…)` is not approved. Without it no flight script is.
 * @param {string} html
 * @param {Buffer | Uint8Array | string | undefined} rscData
 * @returns {{ hashes: string[], rejected: string[] }}
 */
function frameworkScriptHashes(html, rscData) {
  const payload =
    rscData == null ? null : Buffer.isBuffer(rscData) ? rscData : Buffer.from(/** @type {any} */ (rscData));
  let offset = 0;
  const hashes = new Set();
  /** @type {string[]} */
  const rejected = [];
  for (const m of html.matchAll(SCRIPT_RE)) {
    const attrs = m[1];
    const body = m[2];
    if (/\bsrc\s*=/i.test(attrs)) continue; // external: allowed by 'self', not by hash
    if (!JS_TYPES.has(scriptType(attrs))) continue; // a data block (JSON-LD), never executed
    let ok = false;
    if (body === FLIGHT_BOOTSTRAP) ok = true;
    else if (isTurbopackBootstrap(body)) ok = true;
    else {
      const chunk = flightChunk(body);
      if (chunk && payload?.subarray(offset, offset + chunk.length).equals(chunk)) {
        offset += chunk.length;
        ok = true;
      }
    }
    if (ok) hashes.add(sha256Source(body));
    else rejected.push(body.slice(0, 80));
  }
  return { hashes: [...hashes], rejected };
}

// A host name as AGORA_IMAGE_HOSTS may list it: letters, digits, hyphens and dots (no scheme, port,
// path or wildcard), so that it can be written into the policy as `https://host` unchanged.
const HOST_RE =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The hosts article images may come from besides this site: AGORA_IMAGE_HOSTS, comma-separated host
 * names ("images.example-cdn.com,media.example.org"), read once at start-up so that the edge (cached
 * pages' policy) and the app (the editor's rule, lib/markdown/article.ts) agree. An entry that is not
 * a plain host name is left out (and reported by `imageHostProblems`).
 * @param {Record<string, string | undefined>} [env]
 * @returns {string[]}
 */
function imageHosts(env = process.env) {
  return [...new Set(splitHosts(env.AGORA_IMAGE_HOSTS).filter((h) => HOST_RE.test(h)))];
}

/** @param {string | undefined} value */
function splitHosts(value) {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The AGORA_IMAGE_HOSTS entries that are not plain host names (for a start-up warning).
 * @param {Record<string, string | undefined>} [env]
 */
function imageHostProblems(env = process.env) {
  return splitHosts(env.AGORA_IMAGE_HOSTS).filter((h) => !HOST_RE.test(h));
}

const IMAGE_HOSTS = imageHosts();

/**
 * @typedef {{ dev?: boolean, scripts?: string[], frameAncestors?: string[], imageHosts?: string[] }} PolicyOptions
 * `imageHosts`: hosts images may come from besides 'self' (default: AGORA_IMAGE_HOSTS at start-up).
 * `scripts`: extra script sources ('sha256-…' or 'nonce-…'); none = no inline script at all.
 * `frameAncestors`: the origins that may frame the response (only /embed/*, see embedPolicy); none =
 * 'none'.
 */

/** @param {PolicyOptions} [opts] */
function contentSecurityPolicy(opts = {}) {
  const dev = Boolean(opts.dev);
  const script = ["'self'", ...(opts.scripts ?? [])];
  // React's development build needs eval (call stacks) and Next's dev overlay inline scripts
  if (dev) script.push("'unsafe-eval'", "'unsafe-inline'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    // this site plus exactly the hosts an article's images may come from (AGORA_IMAGE_HOSTS); no
    // data: or blob: (no page uses them), no other host
    `img-src ${["'self'", ...(dev ? ["data:", "blob:"] : []), ...(opts.imageHosts ?? IMAGE_HOSTS).map((h) => `https://${h}`)].join(" ")}`,
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "media-src 'self' https:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // only /embed/* may be framed, and only by the admin's embedOrigins (embedPolicy)
    `frame-ancestors ${opts.frameAncestors?.length ? opts.frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

/**
 * The policy of an /embed/* page: no inline script, framable by exactly the allowed origins.
 * @param {string[]} origins
 */
function embedPolicy(origins) {
  const safe = origins.filter((o) => /^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(o));
  return contentSecurityPolicy({ frameAncestors: safe });
}

/** @param {string[]} hashes */
function hashPolicy(hashes) {
  return contentSecurityPolicy({ scripts: hashes });
}

/** @param {string} nonce */
function noncePolicy(nonce) {
  return contentSecurityPolicy({ scripts: [`'nonce-${nonce}'`] });
}

function newNonce() {
  return crypto.randomBytes(18).toString("base64");
}

/**
 * Headers every response carries (the CSP is decided per response, see server.mjs).
 * @param {{ production: boolean, hstsMaxAge?: number }} opts
 * @returns {Array<[string, string]>}
 */
function baselineHeaders(opts) {
  /** @type {Array<[string, string]>} */
  const h = [
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "strict-origin-when-cross-origin"],
    [
      "permissions-policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), midi=(), browsing-topics=()",
    ],
    // (dropped for /embed/* by server.mjs: there CSP frame-ancestors names who may frame)
    ["x-frame-options", "DENY"],
    ["cross-origin-opener-policy", "same-origin"],
  ];
  const maxAge = opts.hstsMaxAge ?? 31536000;
  if (opts.production && maxAge > 0)
    h.push(["strict-transport-security", `max-age=${maxAge}; includeSubDomains`]);
  return h;
}

// the cached pages (ISR), in each language (server/locale.cjs): the home page's views, an article, a
// comment's permalink
const CACHED_PAGE_RE = /^\/(?:(?:en|es)\/)?(?:front\/[^/]+|articles\/[^/]+(?:\/comments\/[^/]+)?)\/?$/;

/**
 * Paths whose pages are served from the cache: they get the hash policy from the cache entry and no
 * nonce (a nonce baked into cached HTML would be shared by every reader). Everything else that renders
 * HTML per request gets a fresh nonce, so a new dynamic route is covered without anyone remembering to.
 * @param {string} pathname
 */
function wantsNonce(pathname) {
  if (
    pathname === "/" ||
    pathname.startsWith("/_next/") ||
    pathname.startsWith("/api/") ||
    pathname === "/favicon.ico"
  )
    return false;
  // everything else renders per request, e.g. /articles/{slug}/comments (hole 9 of issue 12)
  return !CACHED_PAGE_RE.test(pathname);
}

/**
 * The cache handler's hook: a page entering the cache gets its own policy in the entry's headers, which
 * Next sends with every hit (and with the response that rendered it).
 * @param {string} _key
 * @param {{ html: string, rscData?: Buffer, headers?: Record<string, unknown> }} data
 */
function onPageSet(_key, data) {
  const { hashes, rejected } = frameworkScriptHashes(data.html, data.rscData);
  data.headers = { ...(data.headers || {}), [CSP]: hashPolicy(hashes) };
  return { hashes, rejected };
}

module.exports = {
  CSP_HEADER: CSP,
  baselineHeaders,
  contentSecurityPolicy,
  embedPolicy,
  frameworkScriptHashes,
  hashPolicy,
  imageHostProblems,
  imageHosts,
  newNonce,
  noncePolicy,
  onPageSet,
  sha256Source,
  wantsNonce,
};
