// Transactions that may lose a lock race: PostgreSQL aborts one side of a deadlock (40P01) or a
// serialization conflict (40001). Those are not the user's fault and not a server fault either: the
// whole transaction (or single statement) is simply run again, a few times, with a little random
// back-off.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

const RETRYABLE = new Set(["40P01", "40001"]);

export function isRetryableDbError(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  return code != null && RETRYABLE.has(code);
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Runs `fn` again on deadlock/serialization failures (up to `attempts` times in all). */
export async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !isRetryableDbError(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
    }
  }
}

/** Runs `fn` in a transaction, re-running it on deadlock/serialization failures. */
export function transactionWithRetry<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 6): Promise<T> {
  return retryOnConflict(() => db.transaction(fn), attempts);
}

/** The rows of a raw `db.execute()` result (postgres.js answers an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

const dialect = new PgDialect();
type UnsafeClient = {
  unsafe: (text: string, params: unknown[], opts: { prepare: boolean }) => Promise<unknown>;
};

/**
 * Runs a raw statement and answers its rows. On PostgreSQL (postgres.js) it runs as a prepared
 * statement, parsed and planned once per connection: drizzle's own execute() sends every statement
 * unprepared, which for a hot statement costs PostgreSQL a parse and plan each time.
 */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: Partial<UnsafeClient> }).$client;
  if (typeof client?.unsafe === "function") {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await client.unsafe(text, params, { prepare: true })) as T[];
  }
  return rowsOf<T>(await db.execute(query));
}
