// Graceful shutdown: SIGTERM while requests are in flight loses none that were acknowledged — every write
// answered 2xx is in the database — the process exits 0, and a PGlite directory opens again cleanly
// (closed properly, lock released). Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db/client";
import { lockFile } from "@/db/lock";
import { articles, articleViews } from "@/db/schema";
import { hashValue } from "@/lib/http/client";
import { utcDay } from "@/lib/views/record";
import { ensureBuild, faultPort, SLUG, startServer, stream, waitHealthy, writeOnce } from "./server";

const visitor = (key: string) => hashValue("view", "127.0.0.1", key, utcDay());

async function sigtermUnderLoad(port: number, env: Record<string, string | undefined>) {
  const server = startServer(port, env);
  await waitHealthy(server.url);
  const deadline = Date.now() + 60_000;
  const load = stream(
    40,
    (key) => writeOnce(server.url, key),
    () => Date.now() > deadline,
    { prefix: `shutdown-${port}` },
  );
  // SIGTERM mid-stream, once writes are flowing: 40 requests are in flight at any moment
  await vi.waitFor(
    () => expect(load.results.filter((r) => r.reply?.status === 200).length).toBeGreaterThanOrEqual(100),
    { timeout: 60_000, interval: 20 },
  );
  const signalledAt = Date.now();
  server.proc.kill("SIGTERM");
  const code = await server.exited;
  await load.done;
  return { server, code, results: load.results, signalledAt };
}

describe("graceful shutdown", () => {
  const dirs: string[] = [];
  beforeAll(() => ensureBuild());
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("PGlite: finishes requests in flight, keeps every acknowledged write, reopens cleanly", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-shutdown-"));
    dirs.push(dir);
    const { server, code, results, signalledAt } = await sigtermUnderLoad(faultPort(1), {
      DATABASE_URL: "",
      AGORA_DATA_DIR: dir,
    });
    expect(code, server.logs()).toBe(0);
    expect(server.logs()).toMatch(/shutting down/);
    expect(server.logs()).toMatch(/closing the database/);
    const ok = results.filter((r) => r.reply?.status === 200);
    const answeredAfterSignal = ok.filter((r) => r.sentAt < signalledAt && r.doneAt >= signalledAt);
    console.log(
      `shutdown (PGlite): ${ok.length} acknowledged, ${answeredAfterSignal.length} of them in flight at SIGTERM, ` +
        `${results.filter((r) => r.error).length} refused after it`,
    );
    // a request sent before the signal is answered, even when it was still unread in its socket
    const failedInFlight = results.filter((r) => r.error && r.sentAt < signalledAt);
    expect(failedInFlight.map((r) => `${r.sentAt - signalledAt} ms: ${r.error}`)).toEqual([]);
    expect(ok.length).toBeGreaterThan(20);
    expect(answeredAfterSignal.length, "requests in flight at SIGTERM were finished").toBeGreaterThan(0);
    // anything not acknowledged failed at the connection level, never with a 5xx
    for (const r of results) if (r.reply) expect(r.reply.status, r.reply.body).toBe(200);

    // one access line per request, each with its request id, no query string or client address
    const access = server
      .logs()
      .split("\n")
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l))
      // the test's own readiness polls: a slow start lets one time out (logged 499, client gone)
      .filter((l) => l.route !== "/api/health");
    expect(access.length).toBeGreaterThanOrEqual(ok.length);
    for (const line of access) {
      expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line).toMatchObject({ method: "POST", route: "/api/v1/articles/[slug]/views", status: 200 });
      expect(JSON.stringify(line)).not.toMatch(/127\.0\.0\.1|user-agent|shutdown-/);
    }

    expect(fs.existsSync(lockFile(dir)), "the PGlite lock was released").toBe(false);
    const h = await openDb({ url: "", dir });
    try {
      const keys = ok.map((r) => visitor(r.key));
      const rows = await h.db
        .select({ v: articleViews.visitorHash })
        .from(articleViews)
        .where(inArray(articleViews.visitorHash, keys));
      expect(rows.length, "every acknowledged write is in the database").toBe(ok.length);
      const [a] = await h.db.select().from(articles).where(eq(articles.slug, SLUG));
      const [{ n }] = await h.db
        .select({ n: sql<number>`count(*)::int` })
        .from(articleViews)
        .where(eq(articleViews.articleId, a.id));
      expect(a.viewCount).toBe(n); // the counter moved with each row, nothing half-applied
    } finally {
      await h.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)("PostgreSQL: every acknowledged write is committed", async () => {
    const base = new URL(process.env.DATABASE_URL!);
    const name = `agora_t_shutdown_${Date.now().toString(36)}`;
    base.pathname = "/postgres";
    const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const { server, code, results, signalledAt } = await sigtermUnderLoad(faultPort(2), {
        DATABASE_URL: url.toString(),
      });
      expect(code, server.logs()).toBe(0);
      expect(results.filter((r) => r.error && r.sentAt < signalledAt)).toEqual([]);
      const ok = results.filter((r) => r.reply?.status === 200);
      expect(ok.length).toBeGreaterThan(20);
      for (const r of results) if (r.reply) expect(r.reply.status, r.reply.body).toBe(200);
      const h = await openDb({ url: url.toString(), max: 1 });
      try {
        const keys = ok.map((r) => visitor(r.key));
        const [a] = await h.db.select().from(articles).where(eq(articles.slug, SLUG));
        const rows = await h.db
          .select({ v: articleViews.visitorHash })
          .from(articleViews)
          .where(and(eq(articleViews.articleId, a.id), inArray(articleViews.visitorHash, keys)));
        expect(rows.length).toBe(ok.length);
      } finally {
        await h.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
