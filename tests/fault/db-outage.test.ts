// Database outage: while PostgreSQL is down, cached public pages keep being served, writes answer 503
// with a friendly message and Retry-After (never half-applied), the server stays up, and /api/health is
// ok again within 5 s of the database coming back. Every write that got a 2xx is in the database.
// Runs on a PostgreSQL cluster of its own (pg-cluster.ts), so the stop/start disturbs no other test.
// The write is the view beacon (server.ts `writeOnce`); switch it to comment posts when they exist.
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db/client";
import { articleViews } from "@/db/schema";
import { hashValue } from "@/lib/http/client";
import { utcDay } from "@/lib/views/record";
import { type Cluster, createCluster } from "./pg-cluster";
import {
  ensureBuild,
  faultPort,
  request,
  type Server,
  SLUG,
  startServer,
  stream,
  waitHealthy,
  writeOnce,
} from "./server";

const PG_PORT = faultPort(7);
const APP_PORT = faultPort(6);
const made = createCluster(PG_PORT);
const cluster: Cluster | null = typeof made === "string" ? null : made;
if (typeof made === "string") console.warn(`db-outage: skipped: ${made}`);

describe.skipIf(!cluster)("database outage (own PostgreSQL cluster)", () => {
  let server: Server;
  beforeAll(async () => {
    ensureBuild();
    cluster!.start();
    server = startServer(APP_PORT, { DATABASE_URL: cluster!.url });
    await waitHealthy(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it("serves cached pages, answers 503 for writes, never crashes, recovers within 5 s", async () => {
    const page = `${server.url}/articles/${SLUG}`;
    await request(page);
    expect((await request(page)).headers["x-nextjs-cache"]).toBe("HIT");

    let stopAll = false;
    const writes = stream(
      8,
      (key) => writeOnce(server.url, key),
      () => stopAll,
      { prefix: "outage" },
    );
    const reads = stream(
      4,
      () => request(page),
      () => stopAll,
    );
    // each phase lasts until what it is for has been seen (no fixed durations)
    const okWrites = (after = 0) =>
      writes.results.filter((r) => r.reply?.status === 200 && r.sentAt > after).length;
    const soon = (check: () => void, timeout = 30_000) => vi.waitFor(check, { timeout, interval: 20 });
    // load is flowing
    await soon(() => {
      expect(okWrites(), "writes acknowledged before the outage").toBeGreaterThanOrEqual(20);
      expect(reads.results.length).toBeGreaterThanOrEqual(10);
    });

    const downAt = Date.now();
    cluster!.stop();
    // the outage is seen: health says so, writes are refused, and cached reads go on meanwhile
    await soon(async () => {
      expect((await request(`${server.url}/api/health`, { timeoutMs: 3000 })).status).toBe(503);
      expect(writes.results.filter((r) => r.reply?.status === 503).length).toBeGreaterThan(0);
      expect(reads.results.filter((r) => r.sentAt > downAt).length).toBeGreaterThan(10);
    });
    cluster!.start();
    const upAt = Date.now();
    const healthyAt = await waitHealthy(server.url, 30_000);
    // writes go through again
    await soon(() => expect(okWrites(healthyAt), "writes acknowledged after").toBeGreaterThanOrEqual(5));
    stopAll = true;
    await Promise.all([writes.done, reads.done]);

    console.log(
      `outage: down ${upAt - downAt} ms, healthy ${healthyAt - upAt} ms after the database came back; ` +
        `${writes.results.length} writes (${writes.results.filter((r) => r.reply?.status === 503).length} × 503), ` +
        `${reads.results.length} reads`,
    );
    expect(server.proc.exitCode, server.logs()).toBeNull();
    expect(healthyAt - upAt, "health ok within 5 s of the database coming back").toBeLessThanOrEqual(5000);

    // reading goes on: the cached page, every time, also while the database was down
    expect(reads.results.filter((r) => r.error || r.reply?.status !== 200)).toEqual([]);
    expect(reads.results.filter((r) => r.sentAt > downAt && r.doneAt < upAt).length).toBeGreaterThan(10);

    // writes: 200, or 503 with a clear message and Retry-After; no dropped connection, no 500
    expect(writes.results.filter((r) => r.error)).toEqual([]);
    const failed = writes.results.filter((r) => r.reply!.status !== 200);
    expect(failed.length, "writes were refused while the database was down").toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.reply!.status, r.reply!.body).toBe(503);
      expect(r.reply!.headers["retry-after"]).toBe("5");
      expect(JSON.parse(r.reply!.body)).toEqual({
        error: {
          code: "unavailable",
          message: expect.stringMatching(/database is unavailable.*nothing was changed/i),
        },
      });
    }
    const ok = writes.results.filter((r) => r.reply!.status === 200);
    expect(ok.filter((r) => r.sentAt > healthyAt).length, "writes succeed again").toBeGreaterThan(0);

    // every acknowledged write is in the database; a refused one may only be there if it committed
    // before its connection broke, never half-applied (the row and the counter move together)
    const h = await openDb({ url: cluster!.url, max: 1 });
    try {
      const keys = ok.map((r) => hashValue("view", "127.0.0.1", r.key, utcDay()));
      const rows = await h.db.select().from(articleViews).where(inArray(articleViews.visitorHash, keys));
      expect(rows.length).toBe(ok.length);
      const [c] = (await h.db.execute(sql`
        select (select count(*)::int from article_views) as rows,
               (select sum(view_count)::int from articles) as counted`)) as unknown as {
        rows: number;
        counted: number;
      }[];
      expect(c.counted).toBe(c.rows);
      // the LISTEN connection (cross-instance cache invalidation) came back by itself
      await vi.waitFor(
        async () => {
          const [l] = (await h.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where query ilike 'listen %'`,
          )) as unknown as { n: number }[];
          expect(l.n, "the server LISTENs again").toBeGreaterThan(0);
        },
        { timeout: 10_000, interval: 200 },
      );
    } finally {
      await h.close();
    }
    const logs = server.logs();
    // postgres.js used to throw from a timer after a lost connection (scripts/patch-deps.mjs)
    expect(logs.split("\n").filter((l) => /uncaught exception|unhandled promise/.test(l))).toEqual([]);
  });
});
