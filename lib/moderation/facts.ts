// The database answers to the pipeline's questions (ModerationFacts), memoised per run. Recent-window
// counts go through comments_status_idx (status, created_at) by naming every status, so they read only
// the rows of the window however large the table grows.
import "server-only";
import { and, desc, eq, gt, inArray, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, commentStatuses, comments } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { rowsOf } from "@/lib/db";
import { spend } from "@/lib/rate-limit";
import { recordAction } from "./audit";
import type { ModerationFacts, ModerationInput } from "./types";

const anyStatus = inArray(comments.status, [...commentStatuses]);

/** One scalar subquery of the batched facts statement, and how its value is read back. */
interface Pending {
  expr: SQL;
  parse: (v: unknown) => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const asJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

export function dbFacts(db: Db, input: ModerationInput): ModerationFacts {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) memo.set(key, (p = f()));
    return p;
  };
  // Facts asked for in the same tick (the pipeline's prefetches) go to the database as one statement
  // of scalar subqueries: one round trip instead of one per fact.
  let pending: Pending[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const cols = sql.join(
        batch.map((b, i) => sql`(${b.expr}) as ${sql.raw(`f${i}`)}`),
        sql`, `,
      );
      const rows = await rowsOf<Record<string, unknown>>(db, sql`select ${cols}`);

      batch.forEach((b, i) => {
        b.resolve(b.parse(rows[0]?.[`f${i}`]));
      });
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  };
  const batched = <T>(expr: SQL, parse: (v: unknown) => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (pending.length === 0) queueMicrotask(() => void flush());
      pending.push({ expr, parse, resolve: resolve as (v: unknown) => void, reject });
    });
  const notThis = input.commentId ? ne(comments.id, input.commentId) : undefined;
  // counts stop at `cap` rows: a rule compares with a threshold, so a prolific author or a busy article
  // costs no more than the threshold's worth of index entries
  const countUpTo = (cap: number, ...conds: (SQL | undefined)[]) =>
    batched(
      sql`select count(*) from (${db
        .select({ one: sql`1` })
        .from(comments)
        .where(and(...conds))
        .limit(Math.max(0, Math.floor(cap)))}) t`,
      (v) => Number(v ?? 0),
    );
  return {
    authorApprovedCount: (cap) =>
      once(`approved:${cap}`, () =>
        countUpTo(cap, eq(comments.authorId, input.authorId), eq(comments.status, "approved"), notThis),
      ),
    commentAllowance: (limits) =>
      once(
        `allowance:${limits.author.points}/${limits.author.seconds}:${limits.ip.points}/${limits.ip.seconds}`,
        async () => {
          const [author, ip] = await Promise.all([
            spend("comment_user", input.authorId, limits.author),
            input.ipHash ? spend("comment_ip", input.ipHash, limits.ip) : 0,
          ]);
          return { author, ip };
        },
      ),
    authorBodiesSince: (since) =>
      once(`bodies:${since.getTime()}`, () =>
        batched(
          sql`select coalesce(json_agg(t.body), '[]'::json) from (${db
            .select({ body: comments.body })
            .from(comments)
            .where(and(eq(comments.authorId, input.authorId), gt(comments.createdAt, since), notThis))
            .orderBy(desc(comments.createdAt))
            .limit(20)}) t`,
          (v) => (asJson(v) ?? []) as string[],
        ),
      ),
    articleCommentsSince: (since, cap) =>
      once(`article:${since.getTime()}:${cap}`, () =>
        countUpTo(
          cap,
          anyStatus,
          gt(comments.createdAt, since),
          eq(comments.articleId, input.articleId),
          notThis,
        ),
      ),
    articleLatestOutcomes: (since, limit) =>
      once(`outcomes:${since.getTime()}:${limit}`, () =>
        batched(
          sql`select coalesce(json_agg(json_build_object('status', t.status, 'decidedBy', t.decided_by)), '[]'::json) from (${db
            .select({ status: comments.status, decided_by: comments.decidedBy })
            .from(comments)
            .where(
              and(anyStatus, gt(comments.createdAt, since), eq(comments.articleId, input.articleId), notThis),
            )
            .orderBy(desc(comments.seq))
            .limit(limit)}) t`,
          (v) => (asJson(v) ?? []) as { status: string; decidedBy: string | null }[],
        ),
      ),
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
