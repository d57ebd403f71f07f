// npm run bench:seed -- --article <slug> --comments N [--replies 0.3] [--max-depth 6] [--users 200]
// Fills an article with N approved comments straight into the database, in batches: about 30 % replies
// nested up to depth 6, vote figures, reply/descendant counts and the article's comment count, exactly
// as the app keeps them. Then tells running servers (NOTIFY) that the article changed. For benchmarks.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { runMigrations } from "../db/migrate";
import { articles, comments, users } from "../db/schema";
import { renderCommentBody } from "../lib/comments/render";
import { childPath, SEGMENT } from "../lib/comments/tree";
import { confidenceOf } from "../lib/comments/votes";

const { values } = parseArgs({
  options: {
    article: { type: "string" },
    comments: { type: "string" },
    replies: { type: "string", default: "0.3" },
    "max-depth": { type: "string", default: "6" },
    users: { type: "string", default: "200" },
    batch: { type: "string", default: "2000" },
  },
});
const slug = values.article;
const n = Number(values.comments);
const replyShare = Number(values.replies);
const maxDepth = Number(values["max-depth"]);
const userCount = Number(values.users);
const batchSize = Number(values.batch);
if (!slug || !Number.isInteger(n) || n < 1 || !(replyShare >= 0 && replyShare < 1) || !(maxDepth >= 1)) {
  console.error(
    "usage: npm run bench:seed -- --article <slug> --comments N [--replies 0.3] [--max-depth 6] [--users 200]",
  );
  process.exit(2);
}

const SENTENCES = [
  "Sovereignty is the word everyone uses and nobody defines.",
  "Russia has **limited reach** in the Caribbean; symbolism is cheaper than ships.",
  "I lived in Caracas for years — the view from the street is *very* different.",
  "Follow the oil contracts, not the speeches.",
  "Does anyone have a source for the arms deliveries? [Here is one](https://example.org/report).",
  "> A genuine commitment to sovereignty\n\nor a pretext? Both can be true at once.",
  "Three things matter here:\n\n- debt\n- oil\n- elections",
  "The `status quo` suits Moscow fine as long as it costs nothing.",
  "History says great powers rarely fight for distant clients.",
  "Interesting piece, but it underplays China's role.",
  "I disagree with the premise: this is about the domestic audience in Russia.",
  "Good question at the end. My answer: no, not militarily.",
];
function makeBody(i: number): string {
  const a = SENTENCES[i % SENTENCES.length];
  const b = SENTENCES[(i * 7 + 3) % SENTENCES.length];
  return i % 3 === 0 ? a : `${a}\n\n${b}`;
}
const TEMPLATES = Array.from({ length: 48 }, (_, i) => {
  const body = makeBody(i);
  return { body, html: renderCommentBody(body) };
});

// deterministic pseudo-random numbers (same data for the same N)
let state = 0x9e3779b9;
function rnd(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
}

async function one(q: ReturnType<typeof sql>): Promise<Record<string, unknown>> {
  const r = (await db.execute(q)) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: Record<string, unknown>[] }).rows)[0];
}

const t0 = Date.now();
let h: Awaited<ReturnType<typeof openDb>>;
try {
  h = await openDb({ max: 4 });
} catch (e) {
  if (e instanceof DataDirLockedError) console.error(`bench:seed: ${e.message}`);
  else console.error(`bench:seed: cannot open the database: ${(e as Error).message}`);
  process.exit(1);
}
const db = h.db;
try {
  await runMigrations(h);
  const [article] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, slug))
    .limit(1);
  if (!article) throw new Error(`no article "${slug}" (run npm run db:seed first)`);

  // commenters (they cannot sign in: no password)
  const wanted = Array.from({ length: userCount }, (_, i) => ({
    id: randomUUID(),
    email: `bench-reader-${i + 1}@bench.invalid`,
    name: `Bench Reader ${i + 1}`,
    emailVerified: new Date(),
  }));
  await db.insert(users).values(wanted).onConflictDoNothing({ target: users.email });
  const authorRows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} like 'bench-reader-%@bench.invalid'`);
  const authorIds = authorRows.map((r) => r.id);

  // reserve a block of seqs so that paths are known before inserting
  const seqName = sql.raw(`pg_get_serial_sequence('comments', 'seq')`);
  const first = Number((await one(sql`select nextval(${seqName}) as s`)).s);
  await db.execute(sql`select setval(${seqName}, ${first + n - 1})`);

  interface Gen {
    id: string;
    seq: number;
    parent: number; // index or -1
    root: number;
    depth: number;
    path: string;
    replyCount: number;
    descendantCount: number;
  }
  const gen: Gen[] = new Array(n);
  const replyIdx: number[] = []; // indexes of replies that can take children
  const rootIdx: number[] = [];
  for (let i = 0; i < n; i++) {
    const seq = first + i;
    let parent = -1;
    if (i > 0 && rnd() < replyShare) {
      // half the replies answer a reply (so threads grow deep), half answer a recent thread
      const pool = replyIdx.length && rnd() < 0.5 ? replyIdx : rootIdx;
      const recent = Math.min(pool.length, 400);
      const cand = pool[pool.length - 1 - Math.floor(rnd() * recent)];
      if (cand !== undefined && gen[cand].depth < maxDepth) parent = cand;
    }
    const p = parent >= 0 ? gen[parent] : null;
    const id = randomUUID();
    const g: Gen = {
      id,
      seq,
      parent,
      root: p ? p.root : i,
      depth: p ? p.depth + 1 : 0,
      path: childPath(p ? p.path : null, seq),
      replyCount: 0,
      descendantCount: 0,
    };
    gen[i] = g;
    if (p) {
      p.replyCount++;
      for (let a = parent; a >= 0; a = gen[a].parent) gen[a].descendantCount++;
      if (g.depth < maxDepth) replyIdx.push(i);
    } else rootIdx.push(i);
  }
  if (String(first + n - 1).length > SEGMENT) throw new Error("seq too large for the path segment width");

  const start = Date.now() - n * 5_000; // one comment every 5 seconds, ending now
  for (let b = 0; b < n; b += batchSize) {
    const rows = gen.slice(b, b + batchSize).map((g, k) => {
      const i = b + k;
      const t = TEMPLATES[i % TEMPLATES.length];
      const up = Math.floor(rnd() * rnd() * 30);
      const down = Math.floor(rnd() * rnd() * 8);
      return {
        id: g.id,
        seq: g.seq,
        articleId: article.id,
        parentId: g.parent >= 0 ? gen[g.parent].id : null,
        rootId: gen[g.root].id,
        depth: g.depth,
        path: g.path,
        authorId: authorIds[i % authorIds.length],
        body: t.body,
        bodyHtml: t.html,
        status: "approved" as const,
        statusReason: "approved",
        decidedBy: "bench_seed",
        score: up - down,
        upvotes: up,
        downvotes: down,
        confidence: confidenceOf(up, down),
        replyCount: g.replyCount,
        descendantCount: g.descendantCount,
        createdAt: new Date(start + i * 5_000),
      };
    });
    await db.insert(comments).values(rows);
  }
  await db.execute(
    sql`update articles set comment_count = (select count(*) from comments where article_id = ${article.id} and status = 'approved') where id = ${article.id}`,
  );
  await db.execute(sql`analyze comments`);
  // running servers drop their cached page and comment pages for this article
  await db.execute(
    sql`select pg_notify('agora_cache', ${JSON.stringify({ from: "bench-seed", tags: [`article:${slug}`, "article-lists"] })})`,
  );
  const replies = gen.filter((g) => g.parent >= 0).length;
  const deepest = gen.reduce((m, g) => Math.max(m, g.depth), 0);
  console.log(
    `bench:seed: ${n} comments on ${slug} (${replies} replies, ${rootIdx.length} threads, depth up to ${deepest}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  console.error(`bench:seed failed: ${(e as Error).message.split("\n")[0]}`);
  process.exitCode = 1;
} finally {
  await h.close();
}
