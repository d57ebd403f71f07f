import fs from "node:fs";
import path from "node:path";
// Several instances on one PostgreSQL: two production servers started at the same moment on an empty
// database both come up (migrations applied once), and a change that one instance announces over
// NOTIFY (as lib/cache.invalidate does after a write) reaches the other's cached article page within
// 2 seconds. The announcement is sent by the test, standing in for instance A, until a feature that
// writes through the API (comments, issue 4) can drive it. PostgreSQL only (DATABASE_URL).
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CACHE_CHANNEL } from "@/lib/cache";
import { ensureBuild, faultPort, request, type Server, SLUG, startServer, waitHealthy } from "./server";

const base = process.env.DATABASE_URL;

const MIGRATIONS = (
  JSON.parse(
    fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8"),
  ) as {
    entries: unknown[];
  }
).entries.length;

describe.skipIf(!base)("two instances on one PostgreSQL", () => {
  const name = `agora_t_multi_${Date.now().toString(36)}`;
  let url: string;
  let admin: postgres.Sql;
  let db: postgres.Sql;
  const servers: Server[] = [];
  beforeAll(async () => {
    ensureBuild();
    const a = new URL(base!);
    a.pathname = "/postgres";
    admin = postgres(a.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
    db = postgres(url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.end();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it("start at once on an empty database; migrations run once", async () => {
    servers.push(
      startServer(faultPort(3), { DATABASE_URL: url }),
      startServer(faultPort(4), { DATABASE_URL: url }),
    );
    await Promise.all(servers.map((s) => waitHealthy(s.url)));
    const [{ n }] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
    // each committed migration applied exactly once, however many instances raced
    expect(n).toBe(MIGRATIONS);
    // both seeded an empty database (real content only, no demo articles): upserts, no duplicates
    const [{ a, d }] = await db`select count(*)::int as a, count(distinct slug)::int as d from articles`;
    expect(a).toBe(d);
    const [{ s }] = await db`select count(*)::int as s from articles where slug = ${SLUG}`;
    expect(s).toBe(1);
  });

  it("an invalidation announced by one instance reaches the other's cached page within 2 s", async () => {
    const [a, b] = servers;
    const page = (s: Server) => request(`${s.url}/articles/${SLUG}`);
    for (const s of [a, b]) {
      await page(s);
      const hit = await page(s);
      expect(hit.headers["x-nextjs-cache"]).toBe("HIT");
      expect(hit.body).toContain("Will Russia Defend Maduro?");
    }
    await db`update articles set title = 'Changed on instance A' where slug = ${SLUG}`;
    const changedAt = Date.now();
    await db`select pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ from: "instance-a", tags: [`article:${SLUG}`] })})`;
    for (const s of [a, b]) {
      await vi.waitFor(
        async () => expect((await page(s)).body, `instance :${s.port}`).toContain("Changed on instance A"),
        { timeout: 5000, interval: 50 },
      );
      expect(Date.now() - changedAt, `instance :${s.port} shows the change`).toBeLessThanOrEqual(2000);
    }
    // and it is cached again afterwards
    expect((await page(b)).headers["x-nextjs-cache"]).toBe("HIT");
  });
});
