// Reports: a reader flags a comment with a reason (and a note); one report per reader per comment. The
// comment's report count moves in the same transaction. The moderation queue acts on them.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reportReasons } from "@/db/schema";
import { isUuid, rowsOf } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { onReported } from "@/lib/moderation/reports";
import { recordEvent } from "@/lib/notifications/outbox";
import { findCommentRow } from "./queries";
import { findControl } from "./text";

export const REPORT_NOTE_MAX = 1000;

export const reportInput = z
  .object({
    reason: z.enum(reportReasons, {
      error: `must be one of ${reportReasons.join(", ")}.`,
    }),
    note: z
      .string()
      .trim()
      .max(REPORT_NOTE_MAX, `A note can have at most ${REPORT_NOTE_MAX} characters.`)
      .refine((s) => s.isWellFormed() && !findControl(s), {
        message: "The note contains control characters or broken Unicode.",
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && !v.note)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: 'Say what is wrong when the reason is "other".',
      });
  });

export type ReportInput = z.infer<typeof reportInput>;

export async function reportComment(
  db: Db,
  reporter: { id: string },
  commentId: string,
  input: ReportInput,
): Promise<{ id: string; commentId: string }> {
  if (!isUuid(commentId)) throw new NotFound(msg("Api.comments.noSuchComment"));
  const stored = await db.transaction(async (tx) => {
    const c = await findCommentRow(tx, commentId, { onPublishedArticle: true });
    if (!c || (c.status !== "approved" && c.status !== "deleted"))
      throw new NotFound(msg("Api.comments.noSuchComment"));
    if (c.status === "deleted") throw new Conflict("deleted", msg("Api.comments.deleted"));
    if (c.authorId === reporter.id) throw new Forbidden(msg("Api.comments.ownComment"), "own_comment");
    const [r] = await rowsOf(
      tx,
      sql`insert into reports (comment_id, reporter_id, reason, note)
          values (${commentId}, ${reporter.id}, ${input.reason}, ${input.note || null})
          on conflict (comment_id, reporter_id) do nothing returning id`,
    );
    if (!r) throw new Conflict("already_reported", msg("Api.comments.alreadyReported"));
    await rowsOf(tx, sql`update comments set report_count = report_count + 1 where id = ${commentId}`);
    await recordEvent(tx, { type: "comment.reported", commentId, data: { reason: input.reason } });
    return { id: String(r.id), commentId };
  });
  // moderation counts distinct open reports and hides the comment at the threshold
  await onReported(db, commentId);
  return stored;
}
