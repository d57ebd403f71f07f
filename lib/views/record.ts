// Views: counted once per visitor per article per UTC day. The visitor is a keyed hash of IP and
// user agent (never the raw IP); the article's counter moves in the same transaction as the insert.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleViews } from "@/db/schema";
import { isSlug } from "@/lib/validation/text";

export function utcDay(d = new Date()): string {
  return d.toISOString().slice(0, 10);
}

/** Returns the article's shown view figure (imported + counted), or null for an unknown, draft or scheduled slug. */
export async function recordView(
  db: Db,
  slug: string,
  visitorHash: string,
  day = utcDay(),
): Promise<number | null> {
  if (!isSlug(slug)) return null; // a NUL or other stray text names no article (and PostgreSQL refuses NUL)
  return db.transaction(async (tx) => {
    const [a] = await tx
      .select({ id: articles.id, imported: articles.importedViews, count: articles.viewCount })
      .from(articles)
      // unpublished and scheduled (future) articles count no views: 404 like any unknown slug
      .where(
        and(eq(articles.slug, slug), eq(articles.status, "published"), sql`${articles.publishedAt} <= now()`),
      )
      .limit(1);
    if (!a) return null;
    const inserted = await tx
      .insert(articleViews)
      .values({ articleId: a.id, day, visitorHash })
      .onConflictDoNothing()
      .returning({ day: articleViews.day });
    if (inserted.length === 0) return a.imported + a.count;
    const [u] = await tx
      .update(articles)
      .set({ viewCount: sql`${articles.viewCount} + 1` })
      .where(eq(articles.id, a.id))
      .returning({ views: sql<number>`${articles.importedViews} + ${articles.viewCount}` });
    return u.views;
  });
}
