// The editor answers the readers: comments shortlisted from the queue or the article, and the published
// "What readers said" block (editor's text, the chosen comments quoted, poll results at publication).
// Quotes are read live with the block: a comment that stops being approved drops out of it, and every
// moderation decision already invalidates the article's cached page. Decision 093.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  articleFollowUps,
  articles,
  commentShortlist,
  comments,
  type FollowUpPollSnapshot,
  pollOptions,
  polls,
  questions,
  users,
} from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { plainText } from "@/lib/discovery/site";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { recordAction } from "@/lib/moderation/audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_QUOTES = 10;

async function commentFacts(db: Db, id: string) {
  if (!UUID.test(id)) throw new NotFound(msg("Api.followup.noSuchComment"));
  const [c] = await db
    .select({ id: comments.id, status: comments.status, articleId: comments.articleId, slug: articles.slug })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.id, id))
    .limit(1);
  if (!c) throw new NotFound(msg("Api.followup.noSuchComment"));
  return c;
}

/** Adds an approved comment to its article's shortlist (idempotent; audited as comment.shortlist). */
export async function shortlistComment(db: Db, commentId: string, actorId: string) {
  const c = await commentFacts(db, commentId);
  if (c.status !== "approved")
    throw new Conflict("not_approved", msg("Api.followup.notApproved", { status: c.status }));
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(commentShortlist)
      .values({ commentId: c.id, articleId: c.articleId, addedBy: actorId })
      .onConflictDoNothing()
      .returning({ id: commentShortlist.commentId });
    if (added.length)
      await recordAction(tx, { actorId, action: "comment.shortlist", targetType: "comment", targetId: c.id });
  });
  return { commentId: c.id, shortlisted: true };
}

/** Takes a comment off the shortlist (idempotent; audited as comment.unshortlist). */
export async function unshortlistComment(db: Db, commentId: string, actorId: string) {
  const c = await commentFacts(db, commentId);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(commentShortlist)
      .where(eq(commentShortlist.commentId, c.id))
      .returning({ id: commentShortlist.commentId });
    if (gone.length)
      await recordAction(tx, {
        actorId,
        action: "comment.unshortlist",
        targetType: "comment",
        targetId: c.id,
      });
  });
  return { commentId: c.id, shortlisted: false };
}

export interface ShortlistEntry {
  id: string;
  authorName: string | null;
  excerpt: string;
  status: string;
  url: string;
}

/** An article's shortlist, oldest pick first (for the editor). */
export async function listShortlist(db: Db, articleId: string): Promise<ShortlistEntry[]> {
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      status: comments.status,
      authorName: users.name,
      slug: articles.slug,
    })
    .from(commentShortlist)
    .innerJoin(comments, eq(comments.id, commentShortlist.commentId))
    .innerJoin(articles, eq(articles.id, commentShortlist.articleId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(commentShortlist.articleId, articleId))
    .orderBy(asc(commentShortlist.createdAt));
  return rows.map((r) => ({
    id: r.id,
    authorName: r.authorName,
    excerpt: plainText(r.body, 200),
    status: r.status,
    url: `/articles/${r.slug}/comments/${r.id}`,
  }));
}

/** Which of these comments are shortlisted (for the queue and the article's comments). */
export async function shortlistedAmong(db: Db, commentIds: string[]): Promise<Set<string>> {
  const ids = commentIds.filter((id) => UUID.test(id));
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: commentShortlist.commentId })
    .from(commentShortlist)
    .where(inArray(commentShortlist.commentId, ids));
  return new Set(rows.map((r) => r.id));
}

export const followUpInput = z
  .object({
    text: z
      .string({ error: "text: write the editor's text (up to 2,000 characters)." })
      .trim()
      .min(1, "text: write the editor's text (up to 2,000 characters).")
      .max(2000, "text: at most 2,000 characters."),
    commentIds: z
      .array(z.string().regex(UUID, "commentIds: each must be a comment id."), {
        error: "commentIds: a list of comment ids.",
      })
      .max(MAX_QUOTES, `commentIds: at most ${MAX_QUOTES} comments.`)
      .default([]),
    published: z.boolean({ error: "published must be true or false." }).default(true),
  })
  .strict();
export type FollowUpInput = z.output<typeof followUpInput>;

async function pollSnapshot(db: Db, articleId: string): Promise<FollowUpPollSnapshot[]> {
  const ps = await db
    .select({ id: polls.id, question: polls.question, totalVoters: polls.totalVoters })
    .from(polls)
    .innerJoin(questions, eq(questions.id, polls.questionId))
    .where(eq(questions.articleId, articleId))
    .orderBy(asc(polls.position));
  if (!ps.length) return [];
  const opts = await db
    .select({ pollId: pollOptions.pollId, label: pollOptions.label, votes: pollOptions.voteCount })
    .from(pollOptions)
    .where(
      inArray(
        pollOptions.pollId,
        ps.map((p) => p.id),
      ),
    )
    .orderBy(asc(pollOptions.position));
  return ps.map((p) => ({
    pollId: p.id,
    question: p.question,
    totalVoters: p.totalVoters,
    options: opts.filter((o) => o.pollId === p.id).map((o) => ({ label: o.label, votes: o.votes })),
  }));
}

/** Saves (and publishes or withdraws) the article's block; the poll results are taken now. Audited. */
export async function saveFollowUp(db: Db, articleId: string, input: FollowUpInput, actorId: string) {
  if (!UUID.test(articleId)) throw new NotFound(msg("Api.followup.noSuchArticle"));
  const [a] = await db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!a) throw new NotFound(msg("Api.followup.noSuchArticle"));
  const ids = [...new Set(input.commentIds)];
  if (ids.length) {
    const found = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(inArray(comments.id, ids), eq(comments.articleId, a.id), eq(comments.status, "approved")));
    const ok = new Set(found.map((r) => r.id));
    const bad = ids.find((id) => !ok.has(id));
    if (bad) throw new Invalid("commentIds", msg("Api.followup.commentIdsIsNotAn", { bad }));
  }
  const snapshot = input.published ? await pollSnapshot(db, a.id) : undefined;
  const now = new Date();
  await db.transaction(async (tx) => {
    const values = {
      articleId: a.id,
      text: input.text,
      commentIds: ids,
      published: input.published,
      updatedBy: actorId,
      updatedAt: now,
      ...(snapshot ? { polls: snapshot, publishedAt: now } : {}),
    };
    await tx
      .insert(articleFollowUps)
      .values(values)
      .onConflictDoUpdate({ target: articleFollowUps.articleId, set: values });
    await recordAction(tx, {
      actorId,
      action: input.published ? "article.follow_up_publish" : "article.follow_up_withdraw",
      targetType: "article",
      targetId: a.id,
      details: { commentIds: ids },
    });
  });
  await invalidate([cacheTags.article(a.slug)]);
  return { articleId: a.id, slug: a.slug, ...(await readFollowUp(db, a.id, { includeDraft: true })) };
}

export interface FollowUpQuote {
  id: string;
  authorName: string | null;
  authorHandle: string | null;
  excerpt: string;
  createdAt: string;
  url: string;
}

export interface FollowUpBlock {
  text: string;
  published: boolean;
  publishedAt: string | null;
  quotes: FollowUpQuote[];
  polls: FollowUpPollSnapshot[];
}

/** The block as readers see it (null when none is published); quotes are approved comments only. */
export async function readFollowUp(
  db: Db,
  articleId: string,
  opts: { includeDraft?: boolean } = {},
): Promise<FollowUpBlock | null> {
  const [f] = await db
    .select()
    .from(articleFollowUps)
    .where(eq(articleFollowUps.articleId, articleId))
    .limit(1);
  if (!f || (!f.published && !opts.includeDraft)) return null;
  const rows = f.commentIds.length
    ? await db
        .select({
          id: comments.id,
          body: comments.body,
          createdAt: comments.createdAt,
          authorName: users.name,
          authorHandle: sql<
            string | null
          >`case when ${users.profileHidden} or ${users.deletedAt} is not null then null else ${users.handle} end`,
          slug: articles.slug,
        })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .leftJoin(users, eq(users.id, comments.authorId))
        .where(and(inArray(comments.id, f.commentIds), eq(comments.status, "approved")))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const quotes = f.commentIds.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id: r.id,
            authorName: r.authorName,
            authorHandle: r.authorHandle,
            excerpt: plainText(r.body, 600),
            createdAt: r.createdAt.toISOString(),
            url: `/articles/${r.slug}/comments/${r.id}`,
          },
        ]
      : [];
  });
  return {
    text: f.text,
    published: f.published,
    publishedAt: f.publishedAt?.toISOString() ?? null,
    quotes,
    polls: f.polls,
  };
}

/** Id, slug and title of an article (any status), for the editor's page; null when unknown. */
export async function findArticleHeader(db: Db, articleId: string) {
  if (!UUID.test(articleId)) return null;
  const [a] = await db
    .select({ id: articles.id, slug: articles.slug, title: articles.title })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  return a ?? null;
}
