// Idempotent seed: upserts authors, articles, questions, polls and options by their natural keys
// (slugs, positions). Live counters (views, votes, comment counts) are never touched on re-seed.
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { articles, authors, pollOptions, polls, questions } from "../schema";
import { type ArticleFile, type ContentError, readArticleFiles } from "./content";

export interface SeedResult {
  seeded: string[];
  errors: ContentError[];
}

export async function seedArticle(db: Db, a: ArticleFile): Promise<void> {
  await db.transaction(async (tx) => {
    const [author] = await tx
      .insert(authors)
      .values({
        slug: a.author.slug,
        name: a.author.name,
        job: a.author.job ?? null,
        hobbies: a.author.hobbies,
        introduction: a.author.introduction ?? null,
      })
      .onConflictDoUpdate({
        target: authors.slug,
        set: {
          name: a.author.name,
          job: a.author.job ?? null,
          hobbies: a.author.hobbies,
          introduction: a.author.introduction ?? null,
        },
      })
      .returning({ id: authors.id });

    const stats = a.published_stats;
    const publishedAt = a.status === "published" ? (a.published_at ?? new Date()) : (a.published_at ?? null);
    const fields = {
      title: a.title,
      description: a.description ?? null,
      body: a.body,
      authorId: author.id,
      tags: a.tags,
      references: a.references,
      status: a.status,
      publishedAt,
      updatedAt: a.updated_at ?? publishedAt ?? new Date(),
      importedViews: stats.views,
      importedRatingAvg: stats.rating != null ? stats.rating.toFixed(1) : null,
      importedRatingVotes: stats.rating_votes,
      importedHelpfulPercent: stats.helpful_percent ?? null,
      ...(a.comments
        ? {
            commentsOpen: a.comments.open,
            moderationMode: a.comments.moderation,
            defaultSort: a.comments.sort,
          }
        : {}),
    };
    const [article] = await tx
      .insert(articles)
      .values({ slug: a.slug, ...fields })
      .onConflictDoUpdate({ target: articles.slug, set: fields })
      .returning({ id: articles.id });

    if (!a.question) {
      await tx.delete(questions).where(eq(questions.articleId, article.id));
      return;
    }
    const q = a.question;
    const [question] = await tx
      .insert(questions)
      .values({ articleId: article.id, heading: q.heading, text: q.text, callToAction: q.call_to_action })
      .onConflictDoUpdate({
        target: questions.articleId,
        set: { heading: q.heading, text: q.text, callToAction: q.call_to_action },
      })
      .returning({ id: questions.id });

    const existing = await tx.select().from(polls).where(eq(polls.questionId, question.id));
    const keptPollIds: string[] = [];
    for (const [position, p] of q.polls.entries()) {
      const values = {
        question: p.question,
        multiple: p.multiple,
        maxChoices: p.multiple ? (p.max_choices ?? p.options.length) : 1,
        closesAt: p.closes_at ?? null,
        resultsVisibility: p.results,
        whoMayVote: p.who,
      };
      let pollId = existing.find((e) => e.position === position)?.id;
      if (pollId) await tx.update(polls).set(values).where(eq(polls.id, pollId));
      else {
        [{ id: pollId }] = await tx
          .insert(polls)
          .values({ questionId: question.id, position, ...values })
          .returning({ id: polls.id });
      }
      keptPollIds.push(pollId);
      const opts = await tx.select().from(pollOptions).where(eq(pollOptions.pollId, pollId));
      for (const [optPos, label] of p.options.entries()) {
        const found = opts.find((o) => o.position === optPos);
        if (found) {
          if (found.label !== label)
            await tx.update(pollOptions).set({ label }).where(eq(pollOptions.id, found.id));
        } else await tx.insert(pollOptions).values({ pollId, position: optPos, label });
      }
      const extra = opts.filter((o) => o.position >= p.options.length).map((o) => o.id);
      if (extra.length) await tx.delete(pollOptions).where(inArray(pollOptions.id, extra));
    }
    await tx
      .delete(polls)
      .where(
        keptPollIds.length
          ? and(eq(polls.questionId, question.id), notInArray(polls.id, keptPollIds))
          : eq(polls.questionId, question.id),
      );
  });
}

/** A development-only article: tagged `demo` (its title starts with "[Demo]"). */
export function isDemoArticle(a: Pick<ArticleFile, "tags">): boolean {
  return a.tags.includes("demo");
}

/**
 * Upserts the articles of `dir` (content/articles by default). `demo: false` leaves out the demo
 * articles (tagged `demo`): `npm run db:seed` publishes only real content unless given `--demo`.
 */
export async function seedContent(db: Db, dir?: string, opts: { demo?: boolean } = {}): Promise<SeedResult> {
  const { articles: files, errors } = readArticleFiles(dir);
  const seeded: string[] = [];
  for (const a of files) {
    if (opts.demo === false && isDemoArticle(a)) continue;
    await seedArticle(db, a);
    seeded.push(a.slug);
  }
  return { seeded, errors };
}
