// Benchmark: the moderation queue with 10,000 comments pending among many published ones. Measures the
// first page, a deep page (keyset cursor), the counts, the dashboard and one decision, on a fresh
// database (PostgreSQL when DATABASE_URL is set, else PGlite).
//   npm run bench:queue -- [--pending 10000] [--approved 100000]
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "../../db/client";
import { articles, authors, users } from "../../db/schema";
import { moderateComment } from "../../lib/moderation";
import { getDashboard } from "../../lib/moderation/dashboard";
import { decideComment } from "../../lib/moderation/decisions";
import { listQueue, queueCounts } from "../../lib/moderation/queue";
import { createTestDb, useAsProcessDb as pointProcessDbAt } from "../helpers/db";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const PENDING = arg("pending", 10_000);
const APPROVED = arg("approved", 100_000);

async function time<T>(label: string, runs: number, f: () => Promise<T>): Promise<T> {
  let out: T | undefined;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms  max ${ms.at(-1)!.toFixed(1)} ms  (${runs} runs)`,
  );
  return out!;
}

const t = await createTestDb();
await pointProcessDbAt(t);
const db = await getDb();
try {
  const [author] = await db
    .insert(authors)
    .values({ slug: "bench", name: "Bench" })
    .returning({ id: authors.id });
  const arts = await db
    .insert(articles)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        slug: `bench-${i}`,
        title: `Bench ${i}`,
        body: "b",
        authorId: author.id,
        status: "published" as const,
        publishedAt: new Date(),
      })),
    )
    .returning({ id: articles.id });
  const userIds = Array.from({ length: 500 }, () => randomUUID());
  await db.insert(users).values(userIds.map((id, i) => ({ id, name: `U${i}`, email: `${id}@b.test` })));
  const t0 = performance.now();
  // generate rows in SQL: approved first (older), then pending interleaved in time
  const gen = async (n: number, status: string, offsetMinutes: number) => {
    for (let done = 0; done < n; done += 20_000) {
      const k = Math.min(20_000, n - done);
      await db.execute(sql`
        insert into comments (article_id, author_id, body, body_html, path, status, decided_by, created_at)
        select (${sql.raw(`array[${arts.map((a) => `'${a.id}'::uuid`).join(",")}]`)})[1 + (g % 20)],
               (${sql.raw(`array[${userIds.map((u) => `'${u}'`).join(",")}]`)})[1 + (g % 500)],
               'bench comment ' || g, '<p>bench</p>', md5(g::text), ${status}::text, 'bench',
               now() - make_interval(mins => ${offsetMinutes}::int) + make_interval(secs => g::double precision)
        from generate_series(${done + 1}::int, ${done + k}::int) g`);
    }
  };
  await gen(APPROVED, "approved", 60 * 24 * 30);
  await gen(PENDING, "pending", 60 * 24 * 3);
  await db.execute(sql`analyze comments`);
  console.log(
    `${t.testUrl ? "postgres" : "pglite"}: ${APPROVED} approved + ${PENDING} pending comments in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const first = await time("queue: first page (25)", 20, () =>
    listQueue(db, { status: "pending", limit: 25 }),
  );
  let cursor = first.nextCursor!;
  for (let i = 0; i < 200 && cursor; i++)
    cursor = (await listQueue(db, { status: "pending", limit: 25, cursor })).nextCursor!;
  await time("queue: page 200 (keyset cursor)", 20, () =>
    listQueue(db, { status: "pending", limit: 25, cursor }),
  );
  await time("queue: all, first page", 20, () => listQueue(db, { status: "all", limit: 25 }));
  await time("queue: counts", 20, () => queueCounts(db));
  await time("dashboard", 5, () => getDashboard(db));
  const verdict = await time("pipeline: one comment, all phases", 20, () =>
    moderateComment(db, {
      body: "A long enough, clean and thoughtful remark about the article and its question.",
      articleId: arts[0].id,
      authorId: userIds[1],
      parentId: null,
      ipHash: "bench-ip",
    }),
  );
  console.log(`  (verdict: ${verdict.status} by ${verdict.phase})`);
  const ids = first.items.map((i) => i.id);
  let n = 0;
  await time("decision: approve one", 10, () =>
    decideComment(db, ids[n++], { action: "approve" }, userIds[0]),
  );
} finally {
  // let the throttled trailing cache invalidation fire before the database goes away
  await new Promise((r) => setTimeout(r, 1200));
  await closeDb();
  await t.close();
}
