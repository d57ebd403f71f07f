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
  /** closes this handle but keeps the database, e.g. to point the process-wide handle at it */
  closeHandle(): Promise<void>;
}

/** Points the process-wide handle (getDb) at this test database; call closeDb() before t.close(). */
export async function useAsProcessDb(t: TestDb): Promise<void> {
  await t.closeHandle();
  if (t.testUrl) process.env.DATABASE_URL = t.testUrl;
  else process.env.AGORA_DATA_DIR = t.dir;
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
    let open = true;
    const closeHandle = async () => {
      if (open) await h.close();
      open = false;
    };
    return {
      ...h,
      testUrl,
      closeHandle,
      close: async () => {
        await closeHandle();
        const a = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-pglite-"));
  const h = await openDb({ dir });
  if (migrate) await runMigrations(h);
  let open = true;
  const closeHandle = async () => {
    if (open) await h.close();
    open = false;
  };
  return {
    ...h,
    dir,
    closeHandle,
    close: async () => {
      await closeHandle();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
