// The one database handle. DATABASE_URL set -> postgres.js against that server; not set -> embedded
// PGlite in .data/pglite (or AGORA_DATA_DIR). Both speak the same Drizzle schema and migrations.
// The instance is kept once per process (server/state.cjs): Next may load this module more than once in
// one process, and a second PGlite open would trip our own lock.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import postgres from "postgres";
import { peekShared, setShared } from "../server/state.cjs";
import { acquireDirLock } from "./lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "postgres" | "pglite";

export interface DbHandle {
  kind: DbKind;
  db: Db;
  /** postgres.js client (postgres) */
  sql?: Sql;
  /** PGlite instance (pglite) */
  pglite?: PGlite;
  /** the connection string (postgres only; never log it: it may hold a password) */
  url?: string;
  /** where the data lives: the PGlite directory or the server address without credentials */
  location: string;
  close(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.AGORA_DATA_DIR ||
      path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite"),
  );
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * The postgres.js client as Drizzle should see it: every parameterised statement a named prepared
 * statement. Drizzle asks for unnamed ones (`prepare: false`) unless a query is built with `.prepare()`,
 * and postgres.js then sends each of them in two round trips (parse and describe, wait, then bind and
 * execute) and PostgreSQL parses and plans it every time. Prepared, a repeated statement is one round
 * trip and no parse. The cache is per connection and bounded by the app's finite set of statements
 * (and by postgres.js's connection lifetime). See docs/decisions/050-prepared-statements.md.
 */
export function preparedByDefault(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe")
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, args as never, { ...options, prepare: true });
      if (prop === "begin")
        return (...a: unknown[]) => {
          const fn = a.pop() as (tx: Sql) => unknown;
          return (target.begin as (...x: unknown[]) => unknown)(...a, (tx: Sql) => fn(preparedByDefault(tx)));
        };
      if (prop === "savepoint")
        return (...a: unknown[]) => {
          const fn = a.pop() as (tx: Sql) => unknown;
          const sp = (target as unknown as { savepoint: (...x: unknown[]) => unknown }).savepoint;
          return sp(...a, (tx: Sql) => fn(preparedByDefault(tx)));
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}

export interface OpenOptions {
  url?: string;
  dir?: string;
  /** postgres.js pool size */
  max?: number;
}

export async function openDb(opts: OpenOptions = {}): Promise<DbHandle> {
  const url = opts.url ?? process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, {
      // 3: more connections than the database server has cores only add lock contention on hot rows
      // (measured on 2 cores, poll votes: pool 3 1,189-1,295 votes/s and 0.54 ms of PostgreSQL CPU per
      // vote; pool 5 905-927 and 0.84 ms; pool 10 465-699 and 1.4-2.2 ms). Raise it with the cores.
      max: opts.max ?? Number(process.env.DATABASE_POOL_MAX || 3),
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 30,
      // reconnect quickly once PostgreSQL is back: postgres.js's default backoff grows to 20 s after a
      // few failed attempts, longer than the 5 s recovery the operating envelope promises
      backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
      // node 20 cannot hold huge pipelines; keep statements prepared for speed
      prepare: true,
    });
    const db = drizzlePostgres(preparedByDefault(sql), { schema }) as unknown as Db;
    return { kind: "postgres", db, sql, url, location: redactUrl(url), close: () => sql.end({ timeout: 5 }) };
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ opts.dir ?? dataDir());
  const release = acquireDirLock(dir);
  try {
    // unaccent: accent-insensitive site search, as on PostgreSQL with contrib (decision 090)
    const pglite = await PGlite.create(dir, { extensions: { unaccent } });
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      pglite,
      location: dir,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** The process-wide handle, opened on first use. */
export function getDbHandle(): Promise<DbHandle> {
  let h = peekShared<Promise<DbHandle>>("db");
  if (!h) {
    h = openDb().catch((e) => {
      setShared("db", undefined);
      throw e;
    });
    setShared("db", h);
  }
  return h;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Closes the process-wide handle (graceful shutdown, tests). */
export async function closeDb(): Promise<void> {
  const h = peekShared<Promise<DbHandle>>("db");
  setShared("db", undefined);
  if (h) await (await h).close();
}

export { schema };
