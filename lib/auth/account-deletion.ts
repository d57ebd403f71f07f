// Deleting an account. The reader confirms by typing a phrase and chooses what happens to their
// comments:
//  - "keep": each stays in its thread as a "[deleted account]" placeholder — text (and revisions)
//    removed, no author — so the replies of others keep their place;
//  - "remove": their comments are deleted outright; one that others replied to cannot vanish without
//    taking those replies along, so it becomes a placeholder as above.
// The user row stays as an anonymous tombstone (no email, name, password, links or tokens), so that
// the scores and poll totals it contributed to stay consistent; its sessions end, it can never sign in
// again, and the email address is free for a new account.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  accounts,
  apiTokens,
  appeals,
  articles,
  commentRevisions,
  comments,
  moderatorNotes,
  users,
  verificationTokens,
} from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { dropArticleCounts, moveCounters } from "@/lib/comments/counters";
import type { Executor } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { log } from "@/lib/log";
import { revokeSessions } from "./sessions";
import type { Viewer } from "./viewer";

export const DELETE_PHRASE = "delete my account";

export const deleteInput = z
  .object({
    confirm: z.string({ error: `Type "${DELETE_PHRASE}" to confirm.` }),
    comments: z.enum(["keep", "remove"], {
      error: 'Choose what happens to your comments: "keep" or "remove".',
    }),
  })
  .strict()
  .refine((v) => v.confirm.trim().toLowerCase() === DELETE_PHRASE, {
    message: `Type "${DELETE_PHRASE}" exactly to confirm.`,
    path: ["confirm"],
  });

export interface DeletionResult {
  commentsRemoved: number;
  commentsAnonymised: number;
}

export async function deleteAccount(
  db: Db,
  viewer: Viewer,
  input: z.infer<typeof deleteInput>,
): Promise<DeletionResult> {
  const result = await db.transaction(async (tx) => {
    const [u] = await tx
      .select({ id: users.id, email: users.email, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, viewer.id))
      .for("update");
    if (!u || u.deletedAt) throw new Unauthenticated(msg("Api.auth.signInToDo"));
    const touched = new Set<string>();
    let removed = 0;
    if (input.comments === "remove") removed = await removeLeafComments(tx, u.id, touched);
    const approvedGone = new Map<string, number>();
    const mine = await tx
      .select({ id: comments.id, articleId: comments.articleId, status: comments.status })
      .from(comments)
      .where(eq(comments.authorId, u.id));
    if (mine.length) {
      await tx
        .update(comments)
        .set({
          status: "deleted",
          body: "",
          bodyHtml: "",
          authorId: null,
          deletedAt: sql`coalesce(${comments.deletedAt}, now())`,
        })
        .where(eq(comments.authorId, u.id));
      // placeholders: their earlier versions go too
      await tx.delete(commentRevisions).where(
        inArray(
          commentRevisions.commentId,
          mine.map((c) => c.id),
        ),
      );
    }
    for (const c of mine) {
      touched.add(c.articleId);
      if (c.status === "approved") approvedGone.set(c.articleId, (approvedGone.get(c.articleId) ?? 0) + 1);
    }
    await dropArticleCounts(tx, approvedGone);
    await tx.delete(accounts).where(eq(accounts.userId, u.id));
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.userId, u.id), isNull(apiTokens.revokedAt)));
    await tx.delete(appeals).where(eq(appeals.authorId, u.id));
    await tx.delete(moderatorNotes).where(eq(moderatorNotes.userId, u.id));
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, `verify-email:${u.id}`));
    if (u.email) await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, u.email));
    await tx
      .update(users)
      .set({
        email: null,
        name: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        showPollTag: false,
        deletedAt: new Date(),
      })
      .where(eq(users.id, u.id));
    await revokeSessions(tx, u.id);
    return { commentsRemoved: removed, commentsAnonymised: mine.length, touched };
  });
  if (result.touched.size) {
    const slugs = await db
      .select({ slug: articles.slug })
      .from(articles)
      .where(inArray(articles.id, [...result.touched]));
    await invalidate([...slugs.map((s) => cacheTags.article(s.slug)), cacheTags.articleLists]).catch((e) =>
      log.warn({ err: (e as Error).message }, "cache invalidation after an account deletion failed"),
    );
  }
  return { commentsRemoved: result.commentsRemoved, commentsAnonymised: result.commentsAnonymised };
}

/**
 * Deletes the user's comments that nobody else replied under, leaves first (a comment whose only
 * replies were the user's own becomes a leaf once those are gone), keeping the counters on the
 * remaining rows right: the parent's reply count and every ancestor's descendant count drop by one per
 * removed threaded comment, and the article's comment count by one per removed approved comment.
 */
async function removeLeafComments(tx: Executor, userId: string, touched: Set<string>) {
  let removed = 0;
  for (;;) {
    const gone = await tx
      .delete(comments)
      .where(
        and(
          eq(comments.authorId, userId),
          sql`not exists (select 1 from ${comments} as child where child.parent_id = ${comments.id})`,
        ),
      )
      .returning({
        id: comments.id,
        parentId: comments.parentId,
        rootId: comments.rootId,
        path: comments.path,
        articleId: comments.articleId,
        status: comments.status,
      });
    if (!gone.length) break;
    removed += gone.length;
    for (const c of gone) {
      touched.add(c.articleId);
      await moveCounters(tx, c, c.status, null);
    }
  }
  return removed;
}
