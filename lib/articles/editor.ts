// The admins' article editor: create and edit articles in Markdown with their author, tags, closing
// question and polls; publish, unpublish, schedule (a future published_at), open or close comments,
// quiet hours and moderation mode. Every change writes an audit row and invalidates the article's cached
// page and the article lists.
import "server-only";
import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, authors, pollOptions, polls, questions, users } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { isUuid, type Tx } from "@/lib/db";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { imageProblems, slugify } from "@/lib/markdown/article";
import { recordAction } from "@/lib/moderation/audit";
import { loadArticleQuestion } from "./queries";

const text = (max: number, what = "text") =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .max(max, `must be at most ${max} characters`);
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day as HH:MM (24-hour), e.g. 00:00 or 06:30")
  .nullable();
const uuid = z.string().uuid("must be an id from this article");

export const pollInputSchema = z
  .object({
    id: uuid.optional(),
    question: text(300).min(1, "must not be empty"),
    multiple: z.boolean().default(false),
    maxChoices: z.number().int().min(1, "must be at least 1").max(20, "must be at most 20").default(1),
    closesAt: z.iso.datetime({ offset: true, error: "must be a date and time" }).nullable().optional(),
    resultsVisibility: z.enum(["always", "after_vote", "after_close"]).default("after_vote"),
    whoMayVote: z.enum(["anyone", "signed_in"]).default("anyone"),
    options: z
      .array(z.object({ id: uuid.optional(), label: text(200).min(1, "must not be empty") }).strict())
      .min(2, "a poll needs at least 2 options")
      .max(20, "a poll has at most 20 options"),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.multiple && p.maxChoices !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["maxChoices"],
        message: "must be 1 unless the poll allows several choices",
      });
    if (p.maxChoices > p.options.length)
      ctx.addIssue({
        code: "custom",
        path: ["maxChoices"],
        message: "cannot be more than the number of options",
      });
    const labels = p.options.map((o) => o.label.toLowerCase());
    const dup = labels.findIndex((l, i) => labels.indexOf(l) !== i);
    if (dup >= 0)
      ctx.addIssue({ code: "custom", path: ["options", dup, "label"], message: "repeats another option" });
  });

export const questionInputSchema = z
  .object({
    heading: text(200).min(1, "must not be empty"),
    text: text(2000).min(1, "must not be empty"),
    callToAction: text(200).min(1, "must not be empty"),
    polls: z.array(pollInputSchema).max(5, "at most 5 polls").default([]),
  })
  .strict();

const fields = {
  title: text(200).min(1, "must not be empty"),
  slug: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "must be lower-case letters, digits and single hyphens, e.g. my-article",
    ),
  description: text(500).nullable(),
  body: z
    .string({ error: "must be text" })
    .min(1, "must not be empty")
    .max(200_000, "must be at most 200,000 characters")
    .superRefine((b, ctx) => {
      const problem = imageProblems(b);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  authorId: z.string().uuid("must be the id of an author"),
  newAuthor: z.object({ name: text(100).min(1, "must not be empty"), job: text(200).optional() }).strict(),
  tags: z.array(text(40).min(1, "must not be empty")).max(20, "at most 20 tags"),
  /** sources listed under the article ("References"): a title and, optionally, an https link */
  references: z
    .array(
      z
        .object({
          title: text(300).min(1, "must not be empty"),
          url: z
            .url({ protocol: /^https?$/, error: "must be an http(s) address" })
            .max(2000, "must be at most 2,000 characters")
            .optional(),
        })
        .strict(),
    )
    .max(50, "at most 50 references"),
  status: z.enum(["draft", "published"], { error: "must be draft or published" }),
  publishedAt: z.iso
    .datetime({ offset: true, error: "must be a date and time such as 2030-01-31T09:00:00Z" })
    .nullable(),
  commentsOpen: z.boolean({ error: "must be true or false" }),
  moderationMode: z.enum(["default", "post", "pre"], { error: "must be default, post or pre" }),
  quietStart: clock,
  quietEnd: clock,
  question: questionInputSchema.nullable(),
};

function quietPair(d: { quietStart?: string | null; quietEnd?: string | null }, ctx: z.RefinementCtx) {
  if (d.quietStart === undefined && d.quietEnd === undefined) return;
  if (Boolean(d.quietStart) !== Boolean(d.quietEnd))
    ctx.addIssue({
      code: "custom",
      path: ["quietEnd"],
      message: "quiet hours need both a start and an end (or neither)",
    });
  else if (d.quietStart && d.quietStart === d.quietEnd)
    ctx.addIssue({ code: "custom", path: ["quietEnd"], message: "must differ from quietStart" });
}

export const articleCreateSchema = z
  .object({
    ...fields,
    slug: fields.slug.optional(),
    description: fields.description.optional(),
    authorId: fields.authorId.optional(),
    newAuthor: fields.newAuthor.optional(),
    tags: fields.tags.default([]),
    references: fields.references.default([]),
    status: fields.status.default("draft"),
    publishedAt: fields.publishedAt.optional(),
    commentsOpen: fields.commentsOpen.default(true),
    moderationMode: fields.moderationMode.default("default"),
    quietStart: fields.quietStart.optional(),
    quietEnd: fields.quietEnd.optional(),
    question: fields.question.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!d.authorId && !d.newAuthor)
      ctx.addIssue({
        code: "custom",
        path: ["authorId"],
        message: "choose an author (authorId) or add one (newAuthor)",
      });
    quietPair(d, ctx);
  });

export const articleUpdateSchema = z.object(fields).partial().strict().superRefine(quietPair);

export type ArticleCreate = z.output<typeof articleCreateSchema>;
export type ArticleUpdate = z.output<typeof articleUpdateSchema>;

const missing = (id: string) => new NotFound(msg("Api.articles.noArticleWithId", { id: id.slice(0, 60) }));

async function resolveAuthor(tx: Tx, d: { authorId?: string; newAuthor?: { name: string; job?: string } }) {
  if (d.newAuthor) {
    let slug = slugify(d.newAuthor.name) || "author";
    const [taken] = await tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug)).limit(1);
    if (taken) slug = `${slug}-${Date.now().toString(36)}`;
    const [a] = await tx
      .insert(authors)
      .values({ slug, name: d.newAuthor.name, job: d.newAuthor.job || null })
      .returning({ id: authors.id });
    return a.id;
  }
  const [a] = await tx.select({ id: authors.id }).from(authors).where(eq(authors.id, d.authorId!)).limit(1);
  if (!a) throw new Invalid("authorId", msg("Api.articles.authorIdNoSuchAuthor"));
  return a.id;
}

async function ensureSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const [other] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1);
  if (other && other.id !== exceptId)
    throw new Conflict("slug_taken", msg("Api.articles.slugTaken", { slug }), "slug");
}

/** Replaces the question and polls, keeping polls and options that carry their id (and their votes). */
async function writeQuestion(tx: Tx, articleId: string, q: z.output<typeof questionInputSchema> | null) {
  const [existing] = await tx.select().from(questions).where(eq(questions.articleId, articleId)).limit(1);
  const oldPolls = existing ? await tx.select().from(polls).where(eq(polls.questionId, existing.id)) : [];
  const keptPollIds = new Set((q?.polls ?? []).map((p) => p.id).filter(Boolean));
  for (const p of oldPolls)
    if (!keptPollIds.has(p.id) && p.totalVoters > 0)
      throw new Conflict(
        "poll_has_votes",
        msg("Api.articles.pollHasVotes", { question: p.question, totalVoters: p.totalVoters }),
      );
  if (!q) {
    if (existing) await tx.delete(questions).where(eq(questions.id, existing.id));
    return;
  }
  const [question] = await tx
    .insert(questions)
    .values({ articleId, heading: q.heading, text: q.text, callToAction: q.callToAction })
    .onConflictDoUpdate({
      target: questions.articleId,
      set: { heading: q.heading, text: q.text, callToAction: q.callToAction },
    })
    .returning({ id: questions.id });
  const oldIds = new Set(oldPolls.map((p) => p.id));
  const kept: string[] = [];
  for (const [position, p] of q.polls.entries()) {
    const values = {
      position,
      question: p.question,
      multiple: p.multiple,
      maxChoices: p.maxChoices,
      closesAt: p.closesAt ? new Date(p.closesAt) : null,
      resultsVisibility: p.resultsVisibility,
      whoMayVote: p.whoMayVote,
    };
    let pollId: string;
    if (p.id) {
      if (!oldIds.has(p.id))
        throw new Invalid(
          `question.polls.${position}.id`,
          msg("Api.articles.questionPollsIdNotA", { position }),
        );
      pollId = p.id;
      await tx.update(polls).set(values).where(eq(polls.id, pollId));
    } else {
      const [row] = await tx
        .insert(polls)
        .values({ questionId: question.id, ...values })
        .returning({ id: polls.id });
      pollId = row.id;
    }
    kept.push(pollId);
    const oldOptions = p.id ? await tx.select().from(pollOptions).where(eq(pollOptions.pollId, pollId)) : [];
    const keepOpt = new Set(p.options.map((o) => o.id).filter(Boolean));
    for (const o of oldOptions)
      if (!keepOpt.has(o.id) && o.voteCount > 0)
        throw new Conflict(
          "option_has_votes",
          msg("Api.articles.optionHasVotes", {
            label: o.label,
            question: p.question,
            voteCount: o.voteCount,
          }),
        );
    const removed = oldOptions.filter((o) => !keepOpt.has(o.id)).map((o) => o.id);
    if (removed.length) await tx.delete(pollOptions).where(inArray(pollOptions.id, removed));
    const oldOptIds = new Set(oldOptions.map((o) => o.id));
    for (const [optPos, o] of p.options.entries()) {
      if (o.id) {
        if (!oldOptIds.has(o.id))
          throw new Invalid(
            `question.polls.${position}.options.${optPos}.id`,
            msg("Api.articles.questionPollsOptionsIdNot", { position, optPos }),
          );
        await tx
          .update(pollOptions)
          .set({ position: optPos, label: o.label })
          .where(eq(pollOptions.id, o.id));
      } else await tx.insert(pollOptions).values({ pollId, position: optPos, label: o.label });
    }
  }
  await tx
    .delete(polls)
    .where(
      kept.length
        ? and(eq(polls.questionId, question.id), notInArray(polls.id, kept))
        : eq(polls.questionId, question.id),
    );
}

function publishedAtFor(
  status: string,
  requested: string | null | undefined,
  current: Date | null,
): Date | null {
  if (requested) return new Date(requested);
  if (requested === null) return status === "published" ? new Date() : null;
  if (status === "published") return current ?? new Date();
  return current;
}

export async function createArticle(
  db: Db,
  d: ArticleCreate,
  actorId: string,
): Promise<{ id: string; slug: string }> {
  const slug = d.slug ?? slugify(d.title).slice(0, 100).replace(/-+$/, "");
  if (!slug) throw new Invalid("slug", msg("Api.articles.slugTheTitleGives"));
  const out = await db.transaction(async (tx) => {
    await ensureSlugFree(tx, slug);
    const authorId = await resolveAuthor(tx, d);
    const [a] = await tx
      .insert(articles)
      .values({
        slug,
        title: d.title,
        description: d.description ?? null,
        body: d.body,
        authorId,
        tags: d.tags,
        references: d.references,
        status: d.status,
        publishedAt: publishedAtFor(d.status, d.publishedAt, null),
        commentsOpen: d.commentsOpen,
        moderationMode: d.moderationMode,
        quietStart: d.quietStart ?? null,
        quietEnd: d.quietEnd ?? null,
      })
      .returning({ id: articles.id, slug: articles.slug });
    if (d.question) await writeQuestion(tx, a.id, d.question);
    await recordAction(tx, {
      actorId,
      action: "article.create",
      targetType: "article",
      targetId: a.id,
      details: { slug, status: d.status },
    });
    return a;
  });
  await invalidate([cacheTags.article(out.slug), cacheTags.articleLists]);
  return out;
}

export async function updateArticle(
  db: Db,
  id: string,
  d: ArticleUpdate,
  actorId: string,
): Promise<{ id: string; slug: string; changed: string[] }> {
  if (!isUuid(id)) throw missing(id);
  const tags: string[] = [];
  const out = await db.transaction(async (tx) => {
    const [cur] = await tx.select().from(articles).where(eq(articles.id, id)).for("update");
    if (!cur) throw missing(id);
    tags.push(cacheTags.article(cur.slug));
    if (d.slug && d.slug !== cur.slug) await ensureSlugFree(tx, d.slug, id);
    const authorId = d.authorId || d.newAuthor ? await resolveAuthor(tx, d) : cur.authorId;
    const status = d.status ?? cur.status;
    const next = {
      slug: d.slug ?? cur.slug,
      title: d.title ?? cur.title,
      description: d.description === undefined ? cur.description : d.description,
      body: d.body ?? cur.body,
      authorId,
      tags: d.tags ?? cur.tags,
      references: d.references ?? cur.references,
      status,
      publishedAt:
        d.publishedAt !== undefined || d.status !== undefined
          ? publishedAtFor(status, d.publishedAt, cur.publishedAt)
          : cur.publishedAt,
      commentsOpen: d.commentsOpen ?? cur.commentsOpen,
      moderationMode: d.moderationMode ?? cur.moderationMode,
      quietStart: d.quietStart === undefined ? cur.quietStart : d.quietStart,
      quietEnd: d.quietEnd === undefined ? cur.quietEnd : d.quietEnd,
    };
    if (Boolean(next.quietStart) !== Boolean(next.quietEnd))
      throw new Invalid("quietEnd", msg("Api.articles.quietEndQuietHoursNeed"));
    const changed: string[] = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(cur[k]),
    );
    if (d.question !== undefined) {
      // "changed" names the question only when its text, polls or options really differ afterwards
      const before = JSON.stringify(await loadArticleQuestion(tx, id));
      await writeQuestion(tx, id, d.question);
      if (JSON.stringify(await loadArticleQuestion(tx, id)) !== before) changed.push("question");
    }
    if (changed.length) {
      await tx
        .update(articles)
        .set({ ...next, updatedAt: new Date() })
        .where(eq(articles.id, id));
      await recordAction(tx, {
        actorId,
        action: changed.includes("status")
          ? status === "published"
            ? "article.publish"
            : "article.unpublish"
          : "article.update",
        targetType: "article",
        targetId: id,
        details: { changed, slug: next.slug },
      });
    }
    tags.push(cacheTags.article(next.slug));
    return { id, slug: next.slug, changed };
  });
  if (out.changed.length) await invalidate([...new Set(tags), cacheTags.articleLists]);
  return out;
}

export interface ArticleForEdit {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  body: string;
  authorId: string;
  tags: string[];
  references: { title: string; url?: string }[];
  status: "draft" | "published";
  publishedAt: string | null;
  commentsOpen: boolean;
  moderationMode: "default" | "post" | "pre";
  quietStart: string | null;
  quietEnd: string | null;
  surgeUntil: string | null;
  question: z.input<typeof questionInputSchema> | null;
}

export async function getArticleForEdit(db: Db, id: string): Promise<ArticleForEdit> {
  if (!isUuid(id)) throw missing(id);
  const [a] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!a) throw missing(id);
  const question: ArticleForEdit["question"] = await loadArticleQuestion(db, a.id);
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    description: a.description,
    body: a.body,
    authorId: a.authorId,
    tags: a.tags,
    references: a.references,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    commentsOpen: a.commentsOpen,
    moderationMode: a.moderationMode,
    quietStart: a.quietStart,
    quietEnd: a.quietEnd,
    surgeUntil: a.surgeUntil?.toISOString() ?? null,
    question,
  };
}

export interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  publishedAt: string | null;
  commentsOpen: boolean;
  moderationMode: string;
  commentCount: number;
  surgeUntil: string | null;
  authorName: string;
}

export async function listArticlesAdmin(db: Db, limit = 200): Promise<ArticleRow[]> {
  const rows = await db
    .select({ a: articles, authorName: authors.name })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .orderBy(desc(articles.updatedAt))
    .limit(limit);
  return rows.map(({ a, authorName }) => ({
    id: a.id,
    slug: a.slug,
    title: a.title,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    commentsOpen: a.commentsOpen,
    moderationMode: a.moderationMode,
    commentCount: a.commentCount,
    surgeUntil: a.surgeUntil && a.surgeUntil > new Date() ? a.surgeUntil.toISOString() : null,
    authorName,
  }));
}

export async function listAuthors(
  db: Db,
): Promise<{ id: string; name: string; job: string | null; accountEmail: string | null }[]> {
  return db
    .select({ id: authors.id, name: authors.name, job: authors.job, accountEmail: users.email })
    .from(authors)
    .leftJoin(users, eq(users.id, authors.userId))
    .orderBy(asc(authors.name))
    .limit(500);
}
