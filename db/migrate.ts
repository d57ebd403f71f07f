// Applies the committed drizzle-kit migrations. On PostgreSQL several instances may start at once, so
// the migration runs under an advisory lock taken on the same single connection that migrates.
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DbHandle } from "./client";

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
const LOCK_KEY = 7_130_220_402; // arbitrary, constant: "agora migrate"

export async function runMigrations(h: DbHandle, migrationsFolder = MIGRATIONS): Promise<void> {
  if (h.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the PGlite drizzle type is narrower than our Db union
    await migratePglite(h.db as any, { migrationsFolder });
    return;
  }
  // a pool of exactly one connection: the lock, the migration's transaction and the unlock share it
  const conn = postgres(h.url!, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await conn`select pg_advisory_lock(${LOCK_KEY})`;
    try {
      await migratePostgres(drizzle(conn), { migrationsFolder });
    } finally {
      await conn`select pg_advisory_unlock(${LOCK_KEY})`;
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
