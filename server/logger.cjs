// @ts-check
// The one pino logger of the process and the request context that puts a request id on every line.
// Plain CommonJS so that server/main.mjs (which creates it first) and lib/log.ts (bundled by Next) share
// one instance through the edge's state (server/state.cjs). Never log secrets, tokens, passwords, cookies or personal data.
const { AsyncLocalStorage } = require("node:async_hooks");
const { randomUUID } = require("node:crypto");
const pino = require("pino");
const { shared } = require("./state.cjs");

/** @typedef {{ id: string }} RequestContext */
/** @type {AsyncLocalStorage<RequestContext>} */
const requestContext = shared("requestContext", () => new AsyncLocalStorage());

const level = () => process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info");

/**
 * Asynchronous, buffered writes to stdout, shared by both loggers: a synchronous write per access-log
 * line costs the cached pages ~15 % of their throughput. Flushed every second and at exit.
 * @returns {import("pino").DestinationStream & { flush(): void, flushSync(): void }}
 */
function destination() {
  return shared("logDest", openDestination);
}

/** @returns {import("pino").DestinationStream & { flush(): void, flushSync(): void }} */
function openDestination() {
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
  return dest;
}

/**
 * The application's logger: request id from the context, secrets and personal fields redacted.
 * @returns {import("pino").Logger}
 */
function getLogger() {
  return shared("log", newLogger);
}

/** @returns {import("pino").Logger} */
function newLogger() {
  return pino(
    {
      level: level(),
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
    destination(),
  );
}

/**
 * server/main.mjs's access log: same stream and format, without the per-line redaction and context lookup
 *  (the entry builds each line itself from fields that hold nothing secret, the request id included).
 * @returns {import("pino").Logger}
 */
function getAccessLogger() {
  return shared("accessLog", () => pino({ level: level(), base: { app: "agora" } }, destination()));
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

module.exports = { currentRequestId, getAccessLogger, getLogger, requestContext, requestIdFrom };
