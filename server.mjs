// Agora's HTTP entry point for `npm start` and `npm run dev`: Next's own request handler behind a plain
// node http server, so that we can
//  - decide the client IP once, from the socket and TRUST_PROXY_HOPS (X-Forwarded-For is believed only
//    for that many proxies), and hand it to the app as `x-agora-client-ip`;
//  - shut down gracefully on SIGTERM: stop accepting, finish in-flight requests, close the database.
// PORT sets the port (default 3000); HOSTNAME the interface (default all).
import http from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const hops = Math.max(0, Number.parseInt(process.env.TRUST_PROXY_HOPS || "0", 10) || 0);
const GRACE_MS = Number(process.env.AGORA_SHUTDOWN_GRACE_MS || 10000);

if (!dev && !process.env.NODE_ENV) process.env.NODE_ENV = "production";

/** The address of the client: the socket's, or the one `hops` trusted proxies saw before them. */
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

const app = next({ dev, hostname: hostname === "0.0.0.0" ? "localhost" : hostname, port, turbopack: dev });
const handle = app.getRequestHandler();

try {
  await app.prepare();
} catch (e) {
  console.error(`agora: the server could not start: ${e?.message ? e.message.split("\n")[0] : e}`);
  process.exit(1);
}

let inFlight = 0;
let closing = false;
const server = http.createServer((req, res) => {
  if (closing) res.setHeader("connection", "close");
  inFlight++;
  res.on("close", () => {
    inFlight--;
  });
  // shared, in-memory answers offered by the app (lib/comments/fast-path.ts) skip Next's routing
  if (!dev && globalThis.__agoraFastGet?.(req, res)) return;
  req.headers["x-agora-client-ip"] = clientIp(req);
  if (hops === 0) delete req.headers["x-forwarded-for"];
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`agora: ${dev ? "development" : "production"} server on http://localhost:${port}`);
});
server.on("error", (e) => {
  console.error(`agora: cannot listen on port ${port}: ${e.message}`);
  process.exit(1);
});

async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`agora: ${signal} received; finishing ${inFlight} request(s) in flight`);
  server.close();
  server.closeIdleConnections?.();
  const deadline = Date.now() + GRACE_MS;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  server.closeAllConnections?.();
  try {
    await globalThis.__agoraShutdown?.();
  } catch (e) {
    console.error("agora: error while closing the database", e);
  }
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
