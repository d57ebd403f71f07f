// Several instances starting at once on an empty database must migrate it exactly once: the migration
// runs under a PostgreSQL advisory lock taken on the single connection that migrates (db/migrate.ts).
// PostgreSQL only: PGlite is one process owning its directory (db/lock.ts refuses a second opener), so
// concurrent migrators cannot exist there; the PGlite case is covered by pglite-lock.test.ts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createTestDb, onPostgres, type TestDb } from "../helpers/db";

const journal = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8"),
) as { entries: unknown[] };

describe.skipIf(!onPostgres)("migrations with several instances starting at once (postgres)", () => {
  let t: TestDb;
  let admin: postgres.Sql;
  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
    admin = postgres(t.testUrl!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const applied = async () =>
    (await admin`select count(*)::int as n from drizzle.__drizzle_migrations`)[0].n as number;
  // this database's advisory locks only: other test files run alongside (pg-boss takes advisory locks)
  const advisoryLocks = async () =>
    (
      await admin`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`
    )[0].n as number;

  it("six handles migrating concurrently apply each migration once", async () => {
    const handles: DbHandle[] = await Promise.all(
      Array.from({ length: 6 }, () => openDb({ url: t.testUrl!, max: 1 })),
    );
    try {
      const results = await Promise.allSettled(handles.map((h) => runMigrations(h)));
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
    expect(await applied()).toBe(journal.entries.length);
    const tables = await admin`select count(*)::int as n from information_schema.tables
      where table_schema = 'public' and table_name in ('articles', 'comments', 'poll_votes')`;
    expect(tables[0].n).toBe(3);
    expect(await advisoryLocks()).toBe(0);
  });

  it("separate processes (npm run db:migrate) started together all succeed, still once", async () => {
    const fresh = await createTestDb({ migrate: false });
    const sql = postgres(fresh.testUrl!, { max: 1, onnotice: () => {} });
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn("npx", ["tsx", "--conditions=react-server", "scripts/migrate.mts"], {
          env: { ...process.env, DATABASE_URL: fresh.testUrl },
        });
        let out = "";
        p.stdout.on("data", (d) => (out += d));
        p.stderr.on("data", (d) => (out += d));
        p.on("exit", (code) => resolve({ code, out }));
      });
    try {
      const results = await Promise.all([run(), run(), run()]);
      for (const r of results) expect(r.code, r.out).toBe(0);
      const [row] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row.n).toBe(journal.entries.length);
    } finally {
      await sql.end();
      await fresh.close();
    }
  });
});
