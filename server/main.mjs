// @ts-check
// Agora's HTTP entry point for `npm start` and `npm run dev` (server/ is the process edge; see
// docs/architecture.md): Next's own request handler behind a plain node http server, so that we can
//  - decide the client IP once, from the socket and TRUST_PROXY_HOPS (X-Forwarded-For is believed only
//    for that many proxies), and hand it to the app as `x-agora-client-ip`;
//  - give every request an id (the proxy's X-Request-Id, or a new one), echo it in the response and put
//    it on every log line written while serving it; write one access log line and record metrics;
//  - put the security headers on every response, and a Content-Security-Policy on every response that
//    the app did not give one (server/csp.cjs, docs/decisions/005-content-security-policy.md);
//  - serve each page in the reader's language (server/locale.cjs): `/articles/x` is handed to Next as
//    `/{locale}/articles/x`, so each language is its own cached page (docs/decisions/130-i18n.md);
//  - answer the fast lanes (server/lanes.ts, server/fast-lanes.cjs) and fresh cached pages
//    (server/cache-handler.cjs) past Next's routing;
//  - shut down gracefully on SIGTERM: stop accepting, finish in-flight requests, close the database.
// PORT sets the port (default 3000); HOSTNAME the interface (default all).
import http from "node:http";
import { createRequire } from "node:module";
import next from "next";

const require = createRequire(import.meta.url);
const csp = require("./csp.cjs");
const { getAccessLogger, getLogger, requestContext, requestIdFrom } = require("./logger.cjs");
const { getMetrics } = require("./metrics.cjs");
const { pathnameOf, routeOf } = require("./routes.cjs");
const { edge } = require("./state.cjs");
const { laneFor, runRouteLane } = require("./fast-lanes.cjs");
const { bodyCap, capBody, declaredTooLarge } = require("./body-limits.cjs");
const { capStream } = require("./streams.cjs");
const { compressResponse, sendEncoded, serveStatic } = require("./compress.cjs");
const { localeOf } = require("./locale.cjs");

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const hops = Math.max(0, Number.parseInt(process.env.TRUST_PROXY_HOPS || "0", 10) || 0);
const GRACE_MS = Number(process.env.AGORA_SHUTDOWN_GRACE_MS || 10000);

if (!dev && !process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
// no telemetry: this server talks to nobody but its database
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// fail fast and clearly: a production server without its secret could neither sign sessions nor hash
if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
  console.error(
    "agora: AUTH_SECRET is not set; production requires it (a random string of 32+ characters, e.g. `openssl rand -base64 32`)",
  );
  process.exit(1);
}

const log = getLogger();
const accessLog = getAccessLogger();
const metrics = getMetrics();
const badImageHosts = csp.imageHostProblems();
if (badImageHosts.length)
  log.warn(
    { ignored: badImageHosts },
    "AGORA_IMAGE_HOSTS: entries that are not plain host names (no scheme, port, path or wildcard) are ignored",
  );

/**
 * The address of the client: the socket's, or the one `hops` trusted proxies saw before them.
 * @param {http.IncomingMessage} req
 */
function clientIp(req) {
  const socket = (req.socket.remoteAddress || "").replace(/^::ffff:/, "");
  if (hops === 0) return socket;
  const chain = String(req.headers["x-forwarded-for"] || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  chain.push(socket);
  return chain[Math.max(0, chain.length - 1 - hops)];
}

// ----- security headers ---------------------------------------------------------------------------------
const CSP = csp.CSP_HEADER;
const BASELINE = csp.baselineHeaders({
  production: !dev,
  hstsMaxAge: process.env.AGORA_HSTS_MAX_AGE ? Number(process.env.AGORA_HSTS_MAX_AGE) : undefined,
});
// a response the app gave no policy: no inline script at all (JSON, redirects, static files)
const NO_INLINE_CSP = csp.contentSecurityPolicy({ dev });

/**
 * Every response is one of these: the Content-Security-Policy is decided when the headers go out. A
 * cached page brings its own hash policy in the cache entry (Next appends it); otherwise the request's
 * fallback applies. (A subclass rather than patching each response: same shape for every response.)
 */
class AgoraResponse extends http.ServerResponse {
  /** @type {string} */
  cspFallback = NO_INLINE_CSP;
  /** The language of a page (server/locale.cjs); `negotiated`: chosen by the cookie or Accept-Language. */
  /** @type {{ locale: string, negotiated: boolean } | null} */
  language = null;
  /** @param {any[]} args */
  writeHead(...args) {
    if (!this.hasHeader(CSP)) this.setHeader(CSP, this.cspFallback);
    if (this.language) this.languageHeaders(args);
    return super.writeHead(.../** @type {[number, any]} */ (args));
  }
  /**
   * Content-Language, and `Vary: Accept-Language, Cookie` when the language came from them: a shared
   * cache must not give the Spanish page to an English reader. (A headers object passed to writeHead
   * wins over setHeader, so a Vary in it is extended there.)
   * @param {any[]} args
   */
  languageHeaders(args) {
    const lang = /** @type {{ locale: string, negotiated: boolean }} */ (this.language);
    const obj = args.find((a, i) => i > 0 && a && typeof a === "object" && !Array.isArray(a));
    if (!(obj && "content-language" in obj)) this.setHeader("content-language", lang.locale);
    if (!lang.negotiated) return;
    if (obj && typeof obj.vary === "string") obj.vary = `${obj.vary}, ${LANGUAGE_VARY}`;
    else {
      const v = this.getHeader("vary");
      this.setHeader("vary", v ? `${v}, ${LANGUAGE_VARY}` : LANGUAGE_VARY);
    }
  }
}
const LANGUAGE_VARY = "Accept-Language, Cookie";

/**
 * Security headers for one request. Pages rendered per request get a fresh nonce, which Next reads from
 * the request's CSP header and puts on its scripts; a client's own CSP request headers are dropped.
 */
/**
 * @param {http.IncomingMessage} req
 * @param {AgoraResponse} res
 * @param {string} pathname
 * @param {string} routePath the path Next routes (a page's, with its locale)
 */
function secure(req, res, pathname, routePath) {
  for (const [k, v] of BASELINE) res.setHeader(k, v);
  // the embed (lib/embed) may be framed by the allowed origins its own CSP frame-ancestors names
  if (pathname.startsWith("/embed/")) res.removeHeader("x-frame-options");
  if (req.headers[CSP] !== undefined) delete req.headers[CSP];
  if (req.headers["content-security-policy-report-only"] !== undefined)
    delete req.headers["content-security-policy-report-only"];
  if (!dev && csp.wantsNonce(routePath)) {
    const nonce = csp.newNonce();
    req.headers[CSP] = `script-src 'nonce-${nonce}'`;
    res.cspFallback = csp.noncePolicy(nonce);
  }
}

// ----- access log and metrics -----------------------------------------------------------------------
const QUIET_ROUTES = new Set(["/_next/static", "/api/health", "/api/metrics"]);

/**
 * Once the response is over: metrics and one access-log line.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {string} id
 * @param {string} pathname
 * @param {bigint} started
 * @param {string} [routePath] the path Next routes (a page's, with its locale)
 */
function observe(req, res, id, pathname, started, routePath = pathname) {
  metrics.httpInFlight.dec();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const route = routeOf(routePath);
  const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
  metrics.httpRequests.inc({ method: req.method, route, status });
  metrics.httpDuration.observe({ method: req.method, route }, seconds);
  // one line per request: no query string (it may hold tokens), no cookies, no client address
  const line = {
    reqId: id,
    method: req.method,
    route,
    path: pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname,
    status,
    ms: Math.round(seconds * 10000) / 10,
  };
  if (QUIET_ROUTES.has(route) && status < 400) accessLog.debug(line, "request");
  else accessLog.info(line, "request");
}

// ----- the server -------------------------------------------------------------------------------------
const app = next({ dev, hostname: hostname === "0.0.0.0" ? "localhost" : hostname, port, turbopack: dev });
const handle = app.getRequestHandler();

try {
  await app.prepare();
} catch (e) {
  console.error(`agora: the server could not start: ${errInfo(e).message}`);
  process.exit(1);
}

// ----- fresh cached pages from memory (server/cache-handler.cjs peekPage) -----------------------------
// Only a plain page load: client-side navigations and prefetches (RSC headers), query strings and draft
// mode go to Next. AGORA_FAST_LANE=0 turns this and the lanes of server/lanes.ts off.
const FAST_LANES = process.env.AGORA_FAST_LANE !== "0";
const ROUTER_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
];
/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {string} pathname
 */
function pageFromCache(req, res, pathname) {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.url !== pathname) return false;
  for (const h of ROUTER_HEADERS) if (req.headers[h] !== undefined) return false;
  if (req.headers.cookie?.includes("__prerender_bypass")) return false;
  const hit = edge().cache.peekPage?.(pathname);
  if (!hit) return false;
  sendEncoded(req, res, hit.status, hit.headers, hit.body, hit);
  return true;
}

/** @param {unknown} e */
const laneFailed = (e) => log.error({ err: errInfo(e) }, "fast-lane request failed");

let inFlight = 0;
let closing = false;
// a Host header the URL parser would choke on (hole 13): refused at the edge with 400, for every route
const HOST_RE = /^(?:[A-Za-z0-9_.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
const BAD_HOST =
  '{"error":{"code":"bad_host","field":"host","message":"The Host header is not a valid host name."}}';

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} resp
 */
function onRequest(req, resp) {
  const res = /** @type {AgoraResponse} */ (resp);
  const started = process.hrtime.bigint();
  const id = requestIdFrom(req.headers["x-request-id"]);
  const pathname = pathnameOf(req.url);
  // a page: served from /{locale}{path} (the browser's URL does not change)
  const lang = localeOf(pathname, req.headers);
  const routePath = lang ? lang.path : pathname;
  // next-intl reads it when a page did not call setRequestLocale (pages rendered per request)
  delete req.headers["x-next-intl-locale"];
  if (lang) {
    req.url = routePath + /** @type {string} */ (req.url).slice(pathname.length);
    req.headers["x-next-intl-locale"] = lang.locale;
    res.language = { locale: lang.locale, negotiated: !lang.explicit };
  }
  inFlight++;
  metrics.httpInFlight.inc();
  res.once("close", () => {
    inFlight--;
    observe(req, res, id, pathname, started, routePath);
  });
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  secure(req, res, pathname, routePath);
  if (closing) {
    // draining before shutdown: answer, then close the connection; tell health checkers to go elsewhere
    res.setHeader("connection", "close");
    if (pathname === "/api/health") {
      res.writeHead(503, {
        "content-type": "application/json",
        "cache-control": "no-store",
        "retry-after": "5",
      });
      res.end('{"status":"shutting_down","db":"ok"}');
      return;
    }
  }
  const host = req.headers.host;
  if (host !== undefined && !HOST_RE.test(host)) {
    res.writeHead(400, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(BAD_HOST);
    return;
  }
  // every body is capped before anything reads it (server/body-limits.cjs)
  if (!capBody(req, res, pathname)) return;
  // the fast lanes skip Next's routing: fresh cached pages (cache-handler.cjs), and the table of
  // server/lanes.ts: comment pages from memory, the hot API writes through their routes' own handlers
  const fast = dev || !FAST_LANES ? null : laneFor(req.method, pathname);
  if (!dev && FAST_LANES && pageFromCache(req, res, routePath)) return;
  // /_next/static files precompressed at build (server/compress.cjs); the rest is compressed as it goes
  if (!dev && serveStatic(req, res, pathname)) return;
  if (fast?.lane.kind === "peek" && fast.lane.peek(req, res)) return;
  const ip = clientIp(req);
  req.headers["x-agora-client-ip"] = ip;
  if (hops === 0) delete req.headers["x-forwarded-for"];
  // live streams: per-network cap, maximum lifetime, keep-alive (server/streams.cjs)
  if (!capStream(req, res, pathname, ip)) return;
  if (fast?.lane.kind === "route") {
    const { lane, match } = fast;
    requestContext.run({ id }, () => void runRouteLane(lane, match, req, res, laneFailed));
    return;
  }
  compressResponse(req, res);
  requestContext.run({ id }, () => {
    Promise.resolve(handle(req, res)).catch((e) => {
      log.error({ err: e }, "request handler failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
      }
      res.end("Something went wrong on our side. Please try again.");
    });
  });
}

const server = http.createServer({ ServerResponse: AgoraResponse }, onRequest);
// `Expect: 100-continue`: a body over the route's cap is refused before the client sends it
server.on("checkContinue", (req, res) => {
  if (declaredTooLarge(req, res, bodyCap(pathnameOf(req.url), req.headers))) return;
  res.writeContinue();
  onRequest(req, res);
});
server.keepAliveTimeout = 65_000;

server.listen(port, hostname, () => {
  log.info({ port, mode: dev ? "development" : "production" }, `agora: server on http://localhost:${port}`);
});
server.on("error", (e) => {
  console.error(`agora: cannot listen on port ${port}: ${e.message}`);
  process.exit(1);
});

// ----- faults: log them, keep serving ---------------------------------------------------------------
// A lost database connection (PostgreSQL restarting) can surface as an unhandled rejection or a socket
// error outside any request; the server must stay up and recover when the database does.
/** @param {unknown} e */
function errInfo(e) {
  const err = /** @type {any} */ (e);
  return { message: err?.message?.split("\n")[0] ?? String(e), code: err?.code, name: err?.name };
}
process.on("unhandledRejection", (e) => {
  log.error({ err: errInfo(e) }, "unhandled promise rejection (the server keeps running)");
});
process.on("uncaughtException", (e) => {
  log.error({ err: errInfo(e), stack: e?.stack }, "uncaught exception (the server keeps running)");
});

// ----- graceful shutdown ------------------------------------------------------------------------------
// Stopping to listen at once would reset every connection still waiting in the kernel's accept queue,
// and under load that includes requests clients sent before the signal (measured: dozens at 40
// concurrent writers on PGlite). So shutdown drains first: for AGORA_SHUTDOWN_DRAIN_MS the server keeps
// accepting and answering, every response carries `Connection: close` and /api/health answers 503 so a
// proxy or orchestrator stops sending traffic; then it stops listening, waits for the requests in flight
// (up to AGORA_SHUTDOWN_GRACE_MS in all), and closes the database last.
// (no drain in development: nothing stands in front of `npm run dev`, and Ctrl-C should be quick)
const DRAIN_MS = dev ? 0 : Math.min(Number(process.env.AGORA_SHUTDOWN_DRAIN_MS || 1000), GRACE_MS);

/** @param {string} signal */
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  const deadline = Date.now() + GRACE_MS;
  log.info(
    { signal, inFlight, drainMs: DRAIN_MS },
    "shutting down: draining, then finishing requests in flight",
  );
  await new Promise((r) => setTimeout(r, DRAIN_MS));
  server.close();
  while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (inFlight > 0) log.warn({ inFlight }, "grace period over: closing the remaining connections");
  server.closeAllConnections();
  try {
    // the database last: requests that were answered have committed their writes
    await Promise.race([
      edge().shutdown?.(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 5000).unref()),
    ]);
  } catch (e) {
    log.error({ err: errInfo(e) }, "error while closing the database");
  }
  log.info("stopped");
  log.flush?.();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
