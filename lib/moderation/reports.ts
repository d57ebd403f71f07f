// After a reader's report is stored (the comments feature's report endpoint inserts into `reports`),
// onReported() counts the comment's open reports from distinct readers; at the threshold (settings
// reportHideThreshold) a published comment is hidden pending review (status pending, decided_by
// "reports"). A moderator's decision later resolves its reports.
import "server-only";
import { and, countDistinct, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { comments, reports } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { getSettings } from "@/lib/settings";
import { recordAction } from "./audit";
import { lockComment, setCommentStatus } from "./comment-state";

export interface ReportOutcome {
  /** open reports from distinct readers */
  reportCount: number;
  /** this call hid the comment */
  hidden: boolean;
  status: string;
}

export async function onReported(db: Db, commentId: string): Promise<ReportOutcome> {
  const { reportHideThreshold } = await getSettings(db);
  let slug = "";
  const out = await db.transaction(async (tx): Promise<ReportOutcome> => {
    const c = await lockComment(tx, commentId);
    slug = c.slug;
    const [r] = await tx
      .select({ n: countDistinct(reports.reporterId) })
      .from(reports)
      .where(and(eq(reports.commentId, c.id), isNull(reports.resolvedAt)));
    const n = Number(r?.n ?? 0);
    await tx.update(comments).set({ reportCount: n }).where(eq(comments.id, c.id));
    if (n < reportHideThreshold || c.status !== "approved")
      return { reportCount: n, hidden: false, status: c.status };
    await setCommentStatus(tx, c, { status: "pending", decidedBy: "reports", reason: "reported" });
    await recordAction(tx, {
      actorId: null,
      action: "comment.auto_hide",
      targetType: "comment",
      targetId: c.id,
      reason: `${n} readers reported it (threshold ${reportHideThreshold})`,
      details: { articleId: c.articleId, authorId: c.authorId, reports: n, threshold: reportHideThreshold },
    });
    return { reportCount: n, hidden: true, status: c.status };
  });
  if (out.hidden) await invalidate([cacheTags.article(slug), cacheTags.articleLists]);
  return out;
}
