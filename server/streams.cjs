// @ts-check
// Live streams (Server-Sent Events) at the edge, for every stream route (issue 12, hole 10):
//  - at most AGORA_SSE_PER_NETWORK (default 20) open streams per network (an IPv4 address, an IPv6
//    /64): one more gets 429 with Retry-After;
//  - a maximum lifetime, AGORA_SSE_MAX_SECONDS (default 600): the stream is then closed and the
//    browser's EventSource reconnects (the streams send `retry:`), so no connection lives forever;
//  - keep-alive: a `: keep-alive` comment whenever a stream was silent for AGORA_SSE_KEEPALIVE_SECONDS
//    (default 25), so that proxies never close an idle stream, whatever the route sends itself.
const { shared } = require("./state.cjs");

/** @param {string} name @param {number} fallback */
const envNumber = (name, fallback) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const PER_NETWORK = envNumber("AGORA_SSE_PER_NETWORK", 20);
const MAX_MS = envNumber("AGORA_SSE_MAX_SECONDS", 600) * 1000;
const KEEPALIVE_MS = envNumber("AGORA_SSE_KEEPALIVE_SECONDS", 25) * 1000;

// the stream routes: live comments and live poll totals of an article
const STREAM_PATH = /^\/api\/v1\/articles\/[^/]+\/(?:comments\/stream|polls\/events)$/;

/** @type {Map<string, number>} open streams per network */
const open = shared("streams", () => new Map());

/**
 * The network a client address belongs to: the IPv4 address, or the /64 of an IPv6 address.
 * @param {string} ip
 */
function networkOf(ip) {
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t]
    : h;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || "0").toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const TOO_MANY = JSON.stringify({
  error: {
    code: "rate_limited",
    message: `Too many live connections from your network (at most ${PER_NETWORK}). Close some tabs and try again.`,
  },
});

/**
 * Applies the stream caps to a request: false when it was refused (429 sent), true otherwise (for a
 * stream route, counted until it closes, ended at its maximum lifetime, kept alive when silent).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} pathname
 * @param {string} clientIp
 */
function capStream(req, res, pathname, clientIp) {
  if (req.method !== "GET" || !STREAM_PATH.test(pathname)) return true;
  const net = networkOf(clientIp);
  const n = open.get(net) ?? 0;
  if (n >= PER_NETWORK) {
    res.writeHead(429, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": "30",
    });
    res.end(TOO_MANY);
    return false;
  }
  open.set(net, n + 1);
  let last = Date.now();
  const write = res.write;
  // the same function, noting when the route last wrote
  res.write = function (...args) {
    last = Date.now();
    return write.apply(this, /** @type {any} */ (args));
  };
  const beat = setInterval(
    () => {
      if (!res.headersSent || res.writableEnded) return;
      if (Date.now() - last >= KEEPALIVE_MS) res.write(": keep-alive\n\n");
    },
    Math.min(KEEPALIVE_MS, 5000),
  );
  const lifetime = setTimeout(() => res.destroy(), MAX_MS);
  beat.unref();
  lifetime.unref();
  res.once("close", () => {
    clearInterval(beat);
    clearTimeout(lifetime);
    const left = (open.get(net) ?? 1) - 1;
    if (left > 0) open.set(net, left);
    else open.delete(net);
  });
  return true;
}

module.exports = { capStream, networkOf };
