// Hot reads built once: Drizzle builds a query's SQL text from its objects on every call (a select of
// 14 columns costs more CPU than PostgreSQL spends answering it). A query built with placeholders and
// `.prepare()` keeps its text and fills in the values per call. One per database handle (tests open
// several); the handle's driver keeps PostgreSQL's prepared statement (decision 050).
import type { Db } from "./client";

const built = new WeakMap<Db, Map<string, unknown>>();

/** The query `build` makes for this handle, built on first use and kept with the handle. */
export function preparedFor<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map()));
  let q = byName.get(name) as T | undefined;
  if (q === undefined) byName.set(name, (q = build(db)));
  return q;
}
