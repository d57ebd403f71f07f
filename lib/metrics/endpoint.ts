// GET /api/metrics: the Prometheus text format, for a scraper holding METRICS_TOKEN.
// No token configured → the endpoint does not exist (404). Missing credentials → 401, wrong → 403.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDbHandle } from "@/db/client";
import { jsonError } from "@/lib/api/http";
import { getMetrics } from "@/server/metrics.cjs";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type MetricsAccess = "disabled" | "missing" | "wrong" | "ok";

export function metricsAccess(
  authorization: string | null,
  token = process.env.METRICS_TOKEN,
): MetricsAccess {
  if (!token) return "disabled";
  if (!authorization) return "missing";
  const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return m && sameToken(m[1], token) ? "ok" : "wrong";
}

const PING_TIMEOUT_MS = 2000;

/** Fills the database gauges at scrape time: reachability, ping time, pool size, server connections. */
async function probeDb(): Promise<void> {
  const { db } = getMetrics();
  const started = performance.now();
  try {
    const h = await getDbHandle();
    db.poolMax.set(h.kind === "pglite" ? 1 : Number(process.env.DATABASE_POOL_MAX || 3));
    const ping = (async () => {
      if (h.kind === "postgres" && h.sql) {
        const rows = await h.sql<{ state: string | null; n: number }[]>`
          select state, count(*)::int as n from pg_stat_activity
          where datname = current_database() group by state`;
        db.connections.reset();
        for (const r of rows) db.connections.set({ state: r.state ?? "unknown" }, r.n);
      } else {
        await h.pglite?.query("select 1");
      }
    })();
    await Promise.race([
      ping,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS).unref()),
    ]);
    db.up.set(1);
  } catch {
    db.up.set(0);
  } finally {
    db.pingSeconds.set((performance.now() - started) / 1000);
  }
}

export async function metricsResponse(req: Request): Promise<Response> {
  switch (metricsAccess(req.headers.get("authorization"))) {
    case "disabled":
      return jsonError(404, "not_found", "Not found.");
    case "missing":
      return jsonError(
        401,
        "unauthorized",
        "Metrics need a bearer token (Authorization: Bearer …).",
        undefined,
        {
          "www-authenticate": 'Bearer realm="metrics"',
        },
      );
    case "wrong":
      return jsonError(403, "forbidden", "The metrics token is not valid.");
  }
  await probeDb();
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
