// The database side of search, uncached: each of the 20 bench words runs ROUNDS times per type through
// lib/search runSearch (what a cache miss costs), then EXPLAIN ANALYZE of the comment query for a common
// and a rare word. DATABASE_URL must point at a database filled by `npm run bench:seed`.
//   DATABASE_URL=… npx tsx tests/bench/search-db.mts [rounds]
import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { rowsOf } from "@/lib/db";
import { commentSearchSql, runSearch, type SearchType } from "@/lib/search";
import { WORDS } from "./search-words.mjs";

const rounds = Number(process.argv[2] ?? 5);
const h = await openDb({ max: 3 });
const [{ n }] = await rowsOf(h.db, sql`select count(*)::int as n from comments where status = 'approved'`);
console.log(`approved comments: ${n}`);
for (const type of [null, "comments", "articles"] as (SearchType | null)[]) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const w of WORDS) {
      const t0 = performance.now();
      await runSearch(h.db, w, type, null);
      times.push(performance.now() - t0);
    }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(
    `uncached ${type ?? "all"}: p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${p(1)} ms  (${times.length} queries)`,
  );
}
for (const w of ["sovereignty", "zakharova"]) {
  const plan = await rowsOf(h.db, sql`explain (analyze, buffers) ${commentSearchSql(w, 21, 0)}`);
  console.log(`\nEXPLAIN ANALYZE (comments, "${w}"):`);
  for (const r of plan) console.log(String(Object.values(r)[0]));
}
await h.close();
