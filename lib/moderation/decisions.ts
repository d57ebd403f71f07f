// Moderator decisions on comments: approve, reject (with a reason shown to the author), spam, delete,
// feature, pin (and their undo). Idempotent: deciding what is already so changes nothing and says so.
// Each change writes one audit row, resolves the comment's open reports (for status changes), keeps the
// article's comment count in step and invalidates the article's cached page.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { appeals, comments } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { publishCommentEvent } from "@/lib/comments/live";
import { Conflict, DomainError } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { recordEvent } from "@/lib/notifications/outbox";
import { recordAction } from "./audit";
import { type CommentStatus, lockComment, resolveReports, setCommentStatus } from "./comment-state";

export const DECISION_ACTIONS = [
  "approve",
  "reject",
  "spam",
  "delete",
  "feature",
  "unfeature",
  "pin",
  "unpin",
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

const actionField = z.enum(DECISION_ACTIONS, { error: `must be one of ${DECISION_ACTIONS.join(", ")}` });
const reasonField = z
  .string({ error: "must be text" })
  .trim()
  .max(500, "must be at most 500 characters")
  .optional()
  .transform((s) => s || undefined);

function rejectNeedsReason(d: { action: DecisionAction; reason?: string }, ctx: z.RefinementCtx) {
  if (d.action === "reject" && (!d.reason || d.reason.length < 3))
    ctx.addIssue({
      code: "custom",
      path: ["reason"],
      message: "a reason of at least 3 characters is required to reject (it is shown to the author)",
    });
}

export const decisionSchema = z
  .object({ action: actionField, reason: reasonField })
  .strict()
  .superRefine(rejectNeedsReason);
export type DecisionInput = { action: DecisionAction; reason?: string };

const TARGET_STATUS: Partial<Record<DecisionAction, CommentStatus>> = {
  approve: "approved",
  reject: "rejected",
  spam: "spam",
  delete: "deleted",
};

const DONE: Record<DecisionAction, string> = {
  approve: "approved",
  reject: "rejected",
  spam: "marked as spam",
  delete: "deleted",
  feature: "featured",
  unfeature: "not featured",
  pin: "pinned",
  unpin: "not pinned",
};

export interface DecisionResult {
  changed: boolean;
  message: string;
  comment: {
    id: string;
    status: CommentStatus;
    statusReason: string | null;
    featured: boolean;
    pinned: boolean;
  };
}

export async function decideComment(
  db: Db,
  commentId: string,
  input: DecisionInput,
  actorId: string,
): Promise<DecisionResult> {
  const { action, reason } = input;
  let slug = "";
  let pageChanged = false;
  const result = await db.transaction(async (tx): Promise<DecisionResult> => {
    const c = await lockComment(tx, commentId);
    slug = c.slug;
    const before = { status: c.status, featured: c.featured, pinned: c.pinned };
    const target = TARGET_STATUS[action];
    let changed: boolean;
    let reportsResolved = 0;
    if (target) {
      changed = c.status !== target;
      if (changed) {
        const r = await setCommentStatus(tx, c, {
          status: target,
          decidedBy: "moderator",
          reason: target === "approved" ? null : (reason ?? null),
        });
        pageChanged = r.visibleChanged;
        reportsResolved = await resolveReports(tx, c.id, actorId);
        if (target === "approved")
          await tx
            .update(appeals)
            .set({ status: "overturned", decidedBy: actorId, decidedAt: new Date() })
            .where(and(eq(appeals.commentId, c.id), eq(appeals.status, "open")));
      }
    } else {
      const flag = action === "feature" || action === "unfeature" ? "featured" : "pinned";
      const on = action === "feature" || action === "pin";
      if (on && c.status !== "approved")
        throw new Conflict(
          "not_published",
          msg("Api.moderation.notPublished", { p0: DONE[action], status: c.status }),
        );
      changed = c[flag] !== on;
      if (changed) {
        await tx
          .update(comments)
          .set({ [flag]: on })
          .where(eq(comments.id, c.id));
        c[flag] = on;
        await recordEvent(tx, { type: "comment.flag", commentId: c.id, data: { flag, on } });
        pageChanged = c.status === "approved";
      }
    }
    if (changed)
      await recordAction(tx, {
        actorId,
        action: `comment.${action}`,
        targetType: "comment",
        targetId: c.id,
        reason: reason ?? null,
        details: {
          articleId: c.articleId,
          authorId: c.authorId,
          from: before,
          to: { status: c.status, featured: c.featured, pinned: c.pinned },
          ...(reportsResolved ? { reportsResolved } : {}),
        },
      });
    return {
      changed,
      message: changed
        ? `Comment ${DONE[action]}.${reportsResolved ? ` ${reportsResolved} open report${reportsResolved === 1 ? "" : "s"} resolved.` : ""}`
        : `The comment is already ${DONE[action]}; nothing changed.`,
      comment: {
        id: c.id,
        status: c.status,
        statusReason: c.statusReason,
        featured: c.featured,
        pinned: c.pinned,
      },
    };
  });
  if (pageChanged) {
    await invalidate([cacheTags.article(slug), cacheTags.articleLists]);
    await publishCommentEvent({ kind: action === "approve" ? "new" : "update", slug, id: commentId });
  }
  return result;
}

export const bulkDecisionSchema = z
  .object({
    ids: z
      .array(z.string({ error: "must be comment ids" }), { error: "must be a list of comment ids" })
      .min(1, "choose at least one comment")
      .max(100, "at most 100 comments at once"),
    action: actionField,
    reason: reasonField,
  })
  .strict()
  .superRefine(rejectNeedsReason);

export type BulkItem =
  | ({ id: string; ok: true } & DecisionResult)
  | { id: string; ok: false; error: { code: string; message: string } };

/** Decides each comment on its own (one transaction and one audit row each); reports per item. */
export async function decideComments(
  db: Db,
  input: { ids: string[] } & DecisionInput,
  actorId: string,
): Promise<BulkItem[]> {
  const out: BulkItem[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      out.push({
        id,
        ok: true,
        ...(await decideComment(db, id, { action: input.action, reason: input.reason }, actorId)),
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({ id, ok: false, error: { code: e.code, message: e.message } });
    }
  }
  return out;
}
