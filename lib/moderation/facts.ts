// The database answers to the pipeline's questions (ModerationFacts), memoised per run. Recent-window
// counts go through comments_status_idx (status, created_at) by naming every status, so they read only
// the rows of the window however large the table grows.
import { and, count, desc, eq, gt, inArray, isNull, lte, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, commentStatuses, comments } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { recordAction } from "./audit";
import type { ModerationFacts, ModerationInput } from "./types";

const anyStatus = inArray(comments.status, [...commentStatuses]);

export function dbFacts(db: Db, input: ModerationInput): ModerationFacts {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) memo.set(key, (p = f()));
    return p;
  };
  const notThis = input.commentId ? ne(comments.id, input.commentId) : undefined;
  const countWhere = async (...conds: (ReturnType<typeof eq> | undefined)[]) => {
    const [r] = await db
      .select({ n: count() })
      .from(comments)
      .where(and(...conds));
    return Number(r?.n ?? 0);
  };
  return {
    authorApprovedCount: () =>
      once("approved", () =>
        countWhere(eq(comments.authorId, input.authorId), eq(comments.status, "approved"), notThis),
      ),
    authorCommentsSince: (since) =>
      once(`author:${since.getTime()}`, () =>
        countWhere(eq(comments.authorId, input.authorId), gt(comments.createdAt, since), notThis),
      ),
    ipCommentsSince: (since) =>
      once(`ip:${since.getTime()}`, () =>
        countWhere(anyStatus, gt(comments.createdAt, since), eq(comments.ipHash, input.ipHash), notThis),
      ),
    authorBodiesSince: (since) =>
      once(`bodies:${since.getTime()}`, async () => {
        const rows = await db
          .select({ body: comments.body })
          .from(comments)
          .where(and(eq(comments.authorId, input.authorId), gt(comments.createdAt, since), notThis))
          .orderBy(desc(comments.createdAt))
          .limit(20);
        return rows.map((r) => r.body);
      }),
    articleCommentsSince: (since) =>
      once(`article:${since.getTime()}`, () =>
        countWhere(
          anyStatus,
          gt(comments.createdAt, since),
          eq(comments.articleId, input.articleId),
          notThis,
        ),
      ),
    articleLatestOutcomes: (since, limit) =>
      once(`outcomes:${since.getTime()}:${limit}`, async () => {
        return db
          .select({ status: comments.status, decidedBy: comments.decidedBy })
          .from(comments)
          .where(
            and(anyStatus, gt(comments.createdAt, since), eq(comments.articleId, input.articleId), notThis),
          )
          .orderBy(desc(comments.seq))
          .limit(limit);
      }),
    startSurge: async (until, now, why) => {
      const slug = await db.transaction(async (tx) => {
        // only the first of several concurrent triggers switches it on (and writes the audit row)
        const [a] = await tx
          .update(articles)
          .set({ surgeUntil: until })
          .where(
            and(
              eq(articles.id, input.articleId),
              or(isNull(articles.surgeUntil), lte(articles.surgeUntil, now)),
            ),
          )
          .returning({ slug: articles.slug });
        if (!a) return null;
        await recordAction(tx, {
          actorId: null,
          action: "article.surge_start",
          targetType: "article",
          targetId: input.articleId,
          reason:
            why.trigger === "rate"
              ? "comments per minute over the threshold"
              : "share of held comments over the threshold",
          details: { ...why, until: until.toISOString() },
        });
        return a.slug;
      });
      if (slug) await invalidate([cacheTags.article(slug)]).catch(() => {});
    },
  };
}
