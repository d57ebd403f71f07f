// Scheduled publishing: an article published with a future published_at becomes visible by itself (the
// queries filter on published_at <= now()), but cached pages and lists do not know the moment. Every
// 30 s each instance looks for articles whose time has come since its last look and invalidates them.
import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { log } from "@/lib/log";
import { shared } from "@/server/state.cjs";

export async function releaseDue(since: Date, now: Date): Promise<string[]> {
  const db = await getDb();
  const due = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(
      and(eq(articles.status, "published"), gt(articles.publishedAt, since), lte(articles.publishedAt, now)),
    );
  if (due.length) await invalidate([...due.map((d) => cacheTags.article(d.slug)), cacheTags.articleLists]);
  return due.map((d) => d.slug);
}

export function startPublishScheduler(everyMs = 30_000): void {
  const timer = shared<{ id?: NodeJS.Timeout }>("schedule", () => ({}));
  if (timer.id) return;
  let last = new Date();
  timer.id = setInterval(() => {
    const now = new Date();
    releaseDue(last, now)
      .then((slugs) => {
        last = now;
        if (slugs.length) log.info({ slugs }, "scheduled articles published");
      })
      .catch((e) => log.warn({ err: (e as Error).message }, "scheduled publishing check failed"));
  }, everyMs);
  timer.id.unref();
}
