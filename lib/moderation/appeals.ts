// Appeals: the author of a rejected comment may appeal once, with a short text. Appeals form a queue;
// the moderator who rejected the comment cannot decide its appeal. Overturning publishes the comment.
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { appeals, articles, comments, moderationActions, users } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { publishCommentEvent } from "@/lib/comments/live";
import { isUuid } from "@/lib/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { localize, msg } from "@/lib/i18n/text";
import { recordEvent } from "@/lib/notifications/outbox";
import { consume, refund } from "@/lib/rate-limit";
import { isTimestampText } from "@/lib/validation/text";
import { recordAction } from "./audit";
import { lockComment, noSuchComment, resolveReports, setCommentStatus } from "./comment-state";
import { explainStatus } from "./messages";

export const appealSchema = z
  .object({
    text: z
      .string({ error: "must be text" })
      .trim()
      .min(10, "say in at least 10 characters why the decision should change")
      .max(1000, "must be at most 1000 characters"),
  })
  .strict();

export const appealDecisionSchema = z
  .object({
    outcome: z.enum(["uphold", "overturn"], { error: "must be uphold or overturn" }),
    note: z.string().trim().max(500, "must be at most 500 characters").optional(),
  })
  .strict();

const APPEALABLE = new Set(["rejected", "spam"]);
/** pipeline refusals that are about timing or repetition, not content: never appealable */
export const NOT_APPEALABLE_REASONS = new Set(["quiet_hours", "duplicate"]);

/**
 * The author's appeal as the API takes it: at most AGORA_LIMIT_APPEAL_USER (5) a day per reader; an
 * appeal that is refused (not appealable, already appealed, not theirs) does not spend the allowance.
 */
export async function appealComment(
  db: Db,
  commentId: string,
  authorId: string,
  text: string,
): Promise<{ id: string; status: "open" }> {
  await consume("appeal_user", authorId);
  try {
    return await createAppeal(db, commentId, authorId, text);
  } catch (e) {
    await refund("appeal_user", authorId);
    throw e;
  }
}

export async function createAppeal(
  db: Db,
  commentId: string,
  authorId: string,
  text: string,
): Promise<{ id: string; status: "open" }> {
  if (!isUuid(commentId)) throw noSuchComment(commentId);
  return db.transaction(async (tx) => {
    const c = await lockComment(tx, commentId);
    // another reader's comment is answered as if it did not exist
    if (c.authorId !== authorId) throw noSuchComment(commentId);
    const [prior] = await tx.select().from(appeals).where(eq(appeals.commentId, c.id)).limit(1);
    if (prior)
      throw new Conflict(
        "already_appealed",
        msg("Api.moderation.alreadyAppealed", {
          createdAt: prior.createdAt.toISOString().slice(0, 10),
          status: prior.status,
        }),
      );
    // refused for the time it came (quiet hours) or as a repeat: nothing a moderator could overturn
    if (c.statusReason && NOT_APPEALABLE_REASONS.has(c.statusReason))
      throw new Conflict("not_appealable", msg("Api.moderation.notAppealable"));
    if (!APPEALABLE.has(c.status))
      throw new Conflict(
        "not_appealable",
        msg("Api.moderation.notAppealable2", { p0: c.status === "approved" ? "published" : c.status }),
      );
    // who rejected it (a moderator, or nobody when the pipeline did)
    const [last] =
      c.decidedBy === "moderator"
        ? await tx
            .select({ actorId: moderationActions.actorId })
            .from(moderationActions)
            .where(
              and(
                eq(moderationActions.targetType, "comment"),
                eq(moderationActions.targetId, c.id),
                inArray(moderationActions.action, ["comment.reject", "comment.spam"]),
              ),
            )
            .orderBy(desc(moderationActions.id))
            .limit(1)
        : [];
    const [a] = await tx
      .insert(appeals)
      .values({ commentId: c.id, authorId, text, rejectedBy: last?.actorId ?? null })
      .onConflictDoNothing()
      .returning({ id: appeals.id });
    if (!a) throw new Conflict("already_appealed", msg("Api.moderation.alreadyAppealed2"));
    return { id: a.id, status: "open" as const };
  });
}

export interface AppealItem {
  id: string;
  status: "open" | "upheld" | "overturned";
  text: string;
  createdAt: string;
  decidedAt: string | null;
  comment: {
    id: string;
    body: string;
    status: string;
    explanation: string;
    article: { slug: string; title: string };
  };
  author: { id: string; name: string | null };
  rejectedBy: { id: string; name: string | null } | null;
  /** false when the viewer rejected the comment */
  viewerMayDecide: boolean;
}

export async function listAppeals(
  db: Db,
  opts: { status: "open" | "decided"; viewerId: string; cursor?: string; limit?: number; locale?: string },
): Promise<{ items: AppealItem[]; nextCursor: string | null }> {
  const limit = opts.limit ?? 25;
  const rejecter = sql<string | null>`(select name from users r where r.id = "appeals"."rejected_by")`;
  const open = opts.status === "open";
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  const rows = await db
    .select({
      a: appeals,
      body: comments.body,
      status: comments.status,
      decidedBy: comments.decidedBy,
      statusReason: comments.statusReason,
      slug: articles.slug,
      title: articles.title,
      authorName: users.name,
      rejecterName: rejecter,
      createdText: sql<string>`${appeals.createdAt}::text`,
    })
    .from(appeals)
    .innerJoin(comments, eq(comments.id, appeals.commentId))
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(users, eq(users.id, appeals.authorId))
    .where(
      and(
        open ? eq(appeals.status, "open") : inArray(appeals.status, ["upheld", "overturned"]),
        cursor
          ? open
            ? sql`(${appeals.createdAt}, ${appeals.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
            : sql`(${appeals.createdAt}, ${appeals.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(
      ...(open ? [asc(appeals.createdAt), asc(appeals.id)] : [desc(appeals.createdAt), desc(appeals.id)]),
    )
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.a.id,
      status: r.a.status,
      text: r.a.text,
      createdAt: r.a.createdAt.toISOString(),
      decidedAt: r.a.decidedAt?.toISOString() ?? null,
      comment: {
        id: r.a.commentId,
        body: r.body,
        status: r.status,
        explanation: localize(explainStatus(r), opts.locale ?? "en"),
        article: { slug: r.slug, title: r.title },
      },
      author: { id: r.a.authorId, name: r.authorName },
      rejectedBy: r.a.rejectedBy ? { id: r.a.rejectedBy, name: r.rejecterName } : null,
      viewerMayDecide: r.a.rejectedBy !== opts.viewerId,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdText, last.a.id) : null,
  };
}

// cursors carry PostgreSQL's own text of the timestamp: a JS Date would drop its microseconds
function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString("base64url");
}
function decodeCursor(s: string): { at: string; id: string } {
  const [at, id] = Buffer.from(s, "base64url").toString().split("|");
  if (!at || !isTimestampText(at) || !id || !isUuid(id))
    throw new Invalid("cursor", msg("Api.moderation.cursorMustBeA"));
  return { at, id };
}

export async function decideAppeal(
  db: Db,
  appealId: string,
  input: z.output<typeof appealDecisionSchema>,
  actorId: string,
): Promise<{ changed: boolean; message: string; appeal: { id: string; status: string } }> {
  const missing = new NotFound(msg("Api.moderation.noAppealWithId", { appealId: appealId.slice(0, 60) }));
  if (!isUuid(appealId)) throw missing;
  let slug = "";
  let commentId = "";
  let pageChanged = false;
  const out = await db.transaction(async (tx) => {
    const [a] = await tx.select().from(appeals).where(eq(appeals.id, appealId)).for("update");
    if (!a) throw missing;
    if (a.status !== "open")
      return {
        changed: false,
        message: `This appeal was already decided (${a.status}); nothing changed.`,
        appeal: { id: a.id, status: a.status },
      };
    if (a.rejectedBy === actorId) throw new Forbidden(msg("Api.moderation.ownDecision"), "own_decision");
    const c = await lockComment(tx, a.commentId);
    slug = c.slug;
    commentId = c.id;
    const status = input.outcome === "overturn" ? "overturned" : "upheld";
    if (input.outcome === "overturn" && c.status !== "approved") {
      const r = await setCommentStatus(tx, c, { status: "approved", decidedBy: "moderator", reason: null });
      pageChanged = r.visibleChanged;
      await resolveReports(tx, c.id, actorId);
    }
    await tx
      .update(appeals)
      .set({ status, decidedBy: actorId, decidedAt: new Date() })
      .where(eq(appeals.id, a.id));
    await recordEvent(tx, {
      type: "appeal.decided",
      commentId: c.id,
      data: { outcome: status, note: input.note ?? null },
    });
    await recordAction(tx, {
      actorId,
      action: `appeal.${input.outcome}`,
      targetType: "comment",
      targetId: c.id,
      reason: input.note ?? null,
      details: { appealId: a.id, articleId: c.articleId, authorId: c.authorId, commentStatus: c.status },
    });
    return {
      changed: true,
      message:
        input.outcome === "overturn"
          ? "Appeal granted: the comment is published."
          : "Appeal refused: the comment stays rejected.",
      appeal: { id: a.id, status },
    };
  });
  if (pageChanged) {
    await invalidate([cacheTags.article(slug), cacheTags.articleLists]);
    await publishCommentEvent({ kind: "new", slug, id: commentId });
  }
  return out;
}
