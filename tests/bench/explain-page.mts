// EXPLAIN (ANALYZE, BUFFERS) of the comment page statement, for docs/performance.md:
//   DATABASE_URL=... npx tsx tests/bench/explain-page.mts --article <slug> [--sort new|top|old] [--page 1]
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { openDb } from "../../db/client";
import { articles } from "../../db/schema";
import { parseRootCursor } from "../../lib/comments/cursor";
import { loadRootPage, rootPageQuery } from "../../lib/comments/queries";
import type { CommentSort } from "../../lib/comments/types";

const { values } = parseArgs({
  options: {
    article: { type: "string" },
    sort: { type: "string", default: "new" },
    page: { type: "string", default: "1" },
  },
});
const sort = values.sort as CommentSort;
const h = await openDb({ max: 1 });
try {
  const [a] = await h.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, values.article!));
  let cursor: string | null = null;
  for (let p = 1; p < Number(values.page); p++) {
    cursor = (
      await loadRootPage(
        h.db,
        { id: a.id, slug: values.article! },
        sort,
        cursor ? parseRootCursor(cursor, sort) : null,
      )
    ).nextCursor;
  }
  const q = rootPageQuery(a.id, sort, cursor ? parseRootCursor(cursor, sort) : null);
  for (let i = 0; i < 3; i++) await h.db.execute(q); // warm
  const r = (await h.db.execute(sql`explain (analyze, buffers, costs off) ${q}`)) as unknown;
  const rows = (Array.isArray(r) ? r : (r as { rows: Record<string, string>[] }).rows) as Record<
    string,
    string
  >[];
  console.log(rows.map((x) => x["QUERY PLAN"]).join("\n"));
} finally {
  await h.close();
}
