// Ending surge mode early (a moderator's call). Surge mode itself starts in the surge phase.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { isUuid } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { recordAction } from "./audit";

export async function endSurge(
  db: Db,
  articleId: string,
  actorId: string,
): Promise<{ changed: boolean; message: string }> {
  const missing = new NotFound(msg("Api.moderation.noArticleWithId", { articleId: articleId.slice(0, 60) }));
  if (!isUuid(articleId)) throw missing;
  const now = new Date();
  const out = await db.transaction(async (tx) => {
    const [a] = await tx
      .select({ id: articles.id, slug: articles.slug, surgeUntil: articles.surgeUntil })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for("update");
    if (!a) throw missing;
    if (!a.surgeUntil || a.surgeUntil <= now)
      return {
        slug: a.slug,
        changed: false,
        message: "Surge mode is not on for this article; nothing changed.",
      };
    // surge_until = now marks when it ended: later surge checks count only comments after it
    await tx.update(articles).set({ surgeUntil: now }).where(eq(articles.id, a.id));
    await recordAction(tx, {
      actorId,
      action: "article.surge_end",
      targetType: "article",
      targetId: a.id,
      details: { wasUntil: a.surgeUntil.toISOString() },
    });
    return {
      slug: a.slug,
      changed: true,
      message: "Surge mode ended: new comments follow the usual rules again.",
    };
  });
  if (out.changed) await invalidate([cacheTags.article(out.slug)]);
  return { changed: out.changed, message: out.message };
}
