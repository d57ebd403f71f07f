// @ts-check
// Live streams (Server-Sent Events) at the edge, for the public stream routes (issue 12, hole 10): at
// most AGORA_SSE_PER_NETWORK (default 20) open streams per network (an IPv4 address, an IPv6 /64); one
// more gets 429 with Retry-After, before the route runs. Everything else about a stream (framing,
// keep-alive, maximum lifetime) has one home: lib/realtime/sse.ts, which every stream route uses.
const { shared } = require("./state.cjs");

/** @param {string} name @param {number} fallback */
const envNumber = (name, fallback) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const PER_NETWORK = envNumber("AGORA_SSE_PER_NETWORK", 20);

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
 * Applies the per-network cap to a request: false when it was refused (429 sent), true otherwise (for a
 * stream route, counted until it closes).
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
  res.once("close", () => {
    const left = (open.get(net) ?? 1) - 1;
    if (left > 0) open.set(net, left);
    else open.delete(net);
  });
  return true;
}

module.exports = { capStream, networkOf };
