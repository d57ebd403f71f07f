// Integration tests run against a real database: a fresh PostgreSQL database per test file when
// DATABASE_URL is set (created next to it, dropped afterwards), otherwise a fresh PGlite directory.
// No mocks. Use:  const t = await createTestDb(); ... await t.close();
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DbHandle, openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";

export interface TestDb extends DbHandle {
  /** a connection string for this test database (postgres only) */
  testUrl?: string;
  /** the PGlite directory (pglite only) */
  dir?: string;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);
export const dbKindLabel = onPostgres ? "postgres" : "pglite";

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

export async function createTestDb(opts: { migrate?: boolean; max?: number } = {}): Promise<TestDb> {
  const migrate = opts.migrate ?? true;
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `agora_t_${randomBytes(5).toString("hex")}`;
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    const testUrl = u.toString();
    const h = await openDb({ url: testUrl, max: opts.max ?? 20 });
    if (migrate) await runMigrations(h);
    return {
      ...h,
      testUrl,
      close: async () => {
        await h.close();
        const a = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-pglite-"));
  const h = await openDb({ dir });
  if (migrate) await runMigrations(h);
  return {
    ...h,
    dir,
    close: async () => {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
