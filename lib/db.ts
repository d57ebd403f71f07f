// The domain's one set of database helpers. lib/ functions take an Executor (the handle or a
// transaction on it, so that one function serves both without casts) and run raw SQL through rowsOf;
// the route layer (app/) never holds a handle: it calls lib through withDb, which supplies the
// process's one connection (db/client.ts).
//
// Transactions that may lose a lock race: PostgreSQL aborts one side of a deadlock (40P01) or a
// serialization conflict (40001). Those are not the user's fault and not a server fault either: the
// whole transaction (or single statement) is simply run again, a few times, with a little random
// back-off.
import "server-only";
import type { SQL } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";

export type { Db };

/** A transaction on the database (what `db.transaction(fn)` hands to fn). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The database or a transaction on it: what query functions take. */
export type Executor = Db | Tx;

/**
 * Runs a lib function with the process's database handle: `withDb(postComment, viewer, input)`.
 * Pages, route handlers and server actions call lib this way and never import db/.
 */
export async function withDb<A extends unknown[], R>(
  fn: (db: Db, ...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  return await fn(await getDb(), ...args);
}

/**
 * Runs a raw statement and answers its rows, on either driver (postgres.js answers an array, PGlite
 * `{ rows }`). On PostgreSQL it runs as a named prepared statement, like every statement of ours
 * (db/client.ts preparedByDefault, docs/decisions/050-prepared-statements.md).
 */
export async function rowsOf<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a well-formed UUID (ids of comments, polls, articles…): anything else is unknown. */
export function isUuid(s: unknown): s is string {
  return typeof s === "string" && UUID.test(s);
}

const RETRYABLE = new Set(["40P01", "40001"]);

export function isRetryableDbError(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  return code != null && RETRYABLE.has(code);
}

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
