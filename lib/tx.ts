// Transactions that may lose a lock race: PostgreSQL aborts one side of a deadlock (40P01) or a
// serialization conflict (40001). Those are not the user's fault and not a server fault either: the
// whole transaction (or single statement) is simply run again, a few times, with a little random
// back-off.
import type { SQL } from "drizzle-orm";
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

/**
 * Runs a raw statement and answers its rows. On PostgreSQL it runs as a named prepared statement, like
 * every statement of ours (db/client.ts preparedByDefault, docs/decisions/050-prepared-statements.md).
 */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
