// @ts-check
// The process's Prometheus registry (prom-client) and every metric in it, created once per process (in
// the edge's state, server/state.cjs): server/main.mjs records requests here, the app (bundled by Next, which may load a module more
// than once) increments domain counters, and /api/metrics renders the same registry.
const client = require("prom-client");
const { shared } = require("./state.cjs");

/**
 * @typedef {() => number | Promise<number>} GaugeCallback
 * @typedef {{
 *   registry: import("prom-client").Registry,
 *   httpRequests: import("prom-client").Counter<"method" | "route" | "status">,
 *   httpDuration: import("prom-client").Histogram<"method" | "route">,
 *   httpInFlight: import("prom-client").Gauge,
 *   commentsPosted: import("prom-client").Counter<"status">,
 *   votesCast: import("prom-client").Counter<"kind">,
 *   pollVotes: import("prom-client").Counter,
 *   queueSizes: Map<string, GaugeCallback>,
 *   dbProbe?: () => Promise<void>,
 *   db: { up: import("prom-client").Gauge, poolMax: import("prom-client").Gauge, connections: import("prom-client").Gauge<"state">, pingSeconds: import("prom-client").Gauge },
 * }} Metrics
 */

/** @returns {Metrics} */
function getMetrics() {
  return shared("metrics", createMetrics);
}

/** @returns {Metrics} */
function createMetrics() {
  const registry = new client.Registry();
  registry.setDefaultLabels({ app: "agora" });
  // process: CPU, memory, event loop lag, GC, handles
  client.collectDefaultMetrics({ register: registry, prefix: "agora_" });
  const registers = [registry];
  /** @type {Map<string, GaugeCallback>} */
  const queueSizes = new Map();
  /** @type {Metrics} */
  const m = {
    registry,
    queueSizes,
    httpRequests: new client.Counter({
      name: "agora_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status",
      labelNames: ["method", "route", "status"],
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "agora_http_request_duration_seconds",
      help: "Time from request to the end of the response, by route pattern",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpInFlight: new client.Gauge({
      name: "agora_http_requests_in_flight",
      help: "Requests being served right now",
      registers,
    }),
    commentsPosted: new client.Counter({
      name: "agora_comments_posted_total",
      help: "Comments accepted for processing, by the status moderation gave them",
      labelNames: ["status"],
      registers,
    }),
    votesCast: new client.Counter({
      name: "agora_votes_cast_total",
      help: "Votes recorded on comments and articles (kind: comment, rating, helpful)",
      labelNames: ["kind"],
      registers,
    }),
    pollVotes: new client.Counter({
      name: "agora_poll_votes_total",
      help: "Poll votes recorded",
      registers,
    }),
    db: {
      up: new client.Gauge({
        name: "agora_db_up",
        help: "1 when the database answered a ping at scrape time, else 0",
        registers,
      }),
      pingSeconds: new client.Gauge({
        name: "agora_db_ping_seconds",
        help: "How long the scrape-time ping took",
        registers,
      }),
      poolMax: new client.Gauge({
        name: "agora_db_pool_max",
        help: "Connections this instance's pool may open (1 for the embedded PGlite)",
        registers,
      }),
      connections: new client.Gauge({
        name: "agora_db_connections",
        help: "Server connections to this database by state (all instances; PostgreSQL only)",
        labelNames: ["state"],
        registers,
      }),
    },
  };
  new client.Gauge({
    name: "agora_queue_size",
    help: "Items waiting in each named queue (registered by the features that own them)",
    labelNames: ["queue"],
    registers,
    async collect() {
      this.reset();
      for (const [queue, read] of queueSizes) {
        try {
          this.set({ queue }, await read());
        } catch {
          /* a queue that cannot be read is left out of this scrape */
        }
      }
    },
  });
  return m;
}

module.exports = { getMetrics };
