// @ts-check
// The one pino logger of the process and the request context that puts a request id on every line.
// Plain CommonJS so that server.mjs (which creates it first) and lib/log.ts (bundled by Next) share one
// instance through globalThis. Never log secrets, tokens, passwords, cookies or personal data.
const { AsyncLocalStorage } = require("node:async_hooks");
const { randomUUID } = require("node:crypto");
const pino = require("pino");

/** @typedef {{ id: string }} RequestContext */
/** @type {typeof globalThis & { __agoraLog?: import("pino").Logger, __agoraRequestContext?: AsyncLocalStorage<RequestContext> }} */
const g = globalThis;

/** @type {AsyncLocalStorage<RequestContext>} */
const requestContext = g.__agoraRequestContext || (g.__agoraRequestContext = new AsyncLocalStorage());

/** @returns {import("pino").Logger} */
function getLogger() {
  if (g.__agoraLog) return g.__agoraLog;
  // Asynchronous, buffered writes to stdout: a synchronous write per access-log line costs the cached
  // pages ~15 % of their throughput. The buffer is flushed every second and on shutdown (flushLogs).
  const dest = pino.destination({
    dest: 1,
    sync: false,
    minLength: process.env.NODE_ENV === "production" ? 4096 : 0,
  });
  setInterval(() => dest.flush(), 1000).unref();
  process.once("exit", () => {
    try {
      dest.flushSync();
    } catch {
      /* stdout already gone */
    }
  });
  g.__agoraLog = pino(
    {
      level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: { app: "agora" },
      // the request being served, if any: its id on every line logged while serving it
      mixin() {
        const ctx = requestContext.getStore();
        return ctx ? { reqId: ctx.id } : {};
      },
      redact: {
        paths: [
          "password",
          "*.password",
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "cookie",
          "*.cookie",
          "headers.cookie",
          "headers.authorization",
          "email",
          "*.email",
          "ip",
          "*.ip",
        ],
        censor: "[redacted]",
      },
    },
    dest,
  );
  return g.__agoraLog;
}

const REQUEST_ID_RE = /^[\w.:@/+=-]{1,128}$/;

/**
 * The id of a request: the proxy's X-Request-Id when it is a sane token, a new UUID otherwise.
 * @param {string | string[] | undefined} incoming
 */
function requestIdFrom(incoming) {
  const v = Array.isArray(incoming) ? incoming[0] : incoming;
  return v && REQUEST_ID_RE.test(v) ? v : randomUUID();
}

/** The current request's id, when called while serving one. */
function currentRequestId() {
  return requestContext.getStore()?.id;
}

module.exports = { currentRequestId, getLogger, requestContext, requestIdFrom };
