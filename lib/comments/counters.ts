// The one module that writes the comment counters pages read: a parent's reply_count, its ancestors'
// descendant_count and the article's comment_count. A comment counts in the tree while it is approved
// or deleted ("[deleted]" keeps its place and its replies), and in the article's count while approved.
// Every status change (posting, the author's edit or delete, a moderator's decision, an appeal, hiding
// on reports) moves them here, in the caller's transaction, so reads never count rows and writes never
// lose an increment.
import "server-only";
import { type SQL, sql } from "drizzle-orm";

import { type Executor, rowsOf } from "@/lib/db";
import { type CommentRow, pathSeqs } from "./tree";
import type { CommentStatus } from "./types";

/** `null`: the row is gone (removed outright, e.g. with its author's account). */
type Place = CommentStatus | null;
const treeVisible = (s: Place) => (s === "approved" || s === "deleted" ? 1 : 0);
const counted = (s: Place) => (s === "approved" ? 1 : 0);

/**
 * Moves the counters for a stored comment going from one status to another, or removed (`to` null),
 * in the caller's transaction.
 */
export async function moveCounters(
  tx: Executor,
  c: Pick<CommentRow, "parentId" | "path" | "articleId"> & { rootId: string | null },
  from: Place,
  to: Place,
): Promise<void> {
  const dTree = treeVisible(to) - treeVisible(from);
  const dArticle = counted(to) - counted(from);
  if (dTree !== 0 && c.parentId) {
    await rowsOf(
      tx,
      sql`update comments set
            reply_count = reply_count + case when id = ${c.parentId} then ${dTree}::int else 0 end,
            descendant_count = descendant_count + ${dTree}::int
          where seq in ${pathSeqs(c.path).slice(0, -1)} and root_id = ${c.rootId}`,
    );
  }
  if (dArticle !== 0) {
    await rowsOf(
      tx,
      sql`update articles set comment_count = greatest(0, comment_count + ${dArticle}::int) where id = ${c.articleId}`,
    );
  }
}

/**
 * The counter updates of a newly posted approved comment as CTEs of its insert statement (one round
 * trip): the parent's reply count and every ancestor's descendant count, then the article's count.
 * Empty for a comment that is not visible.
 */
export function newCommentCounterCtes(
  visible: boolean,
  articleId: string,
  parent: Pick<CommentRow, "id" | "path" | "rootId"> | null,
): SQL {
  if (!visible) return sql``;
  const ancestors = parent
    ? sql`, anc as (
      update comments set
        reply_count = reply_count + case when id = ${parent.id} then 1 else 0 end,
        descendant_count = descendant_count + 1
      where seq in ${pathSeqs(parent.path)} and root_id = ${parent.rootId}
      returning 1
    )`
    : sql``;
  return sql`${ancestors}, art as (update articles set comment_count = comment_count + 1 where id = ${articleId} returning 1)`;
}

/** Several approved comments of each article stopped counting at once (e.g. an account's, anonymised). */
export async function dropArticleCounts(tx: Executor, perArticle: Map<string, number>): Promise<void> {
  for (const [articleId, n] of perArticle)
    if (n > 0)
      await rowsOf(
        tx,
        sql`update articles set comment_count = greatest(0, comment_count - ${n}::int) where id = ${articleId}`,
      );
}
