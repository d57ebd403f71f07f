// Article reads for public pages. Drafts are never returned by these.
import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Article, articles, authors, pollOptions, polls, questions } from "@/db/schema";
import { isSlug } from "@/lib/validation/text";

export type PublicAuthor = {
  name: string;
  slug: string;
  job: string | null;
  hobbies: string[];
  introduction: string | null;
};

export interface PublicPoll {
  id: string;
  question: string;
  multiple: boolean;
  maxChoices: number;
  closesAt: string | null;
  resultsVisibility: "always" | "after_vote" | "after_close";
  whoMayVote: "anyone" | "signed_in";
  options: { id: string; label: string }[];
}

export interface PublicArticle {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  body: string;
  tags: string[];
  references: { title: string; url?: string }[];
  publishedAt: string;
  updatedAt: string;
  commentsOpen: boolean;
  defaultSort: "new" | "top" | "old";
  commentCount: number;
  stats: ArticleStats;
  author: PublicAuthor;
  question: { heading: string; text: string; callToAction: string; polls: PublicPoll[] } | null;
}

export interface ArticleCard {
  slug: string;
  title: string;
  description: string | null;
  publishedAt: string;
  authorName: string;
  views: number;
  commentCount: number;
}

export interface ArticleStats {
  views: number;
  ratingAverage: number | null;
  ratingVotes: number;
  helpfulPercent: number | null;
}

type StatsRow = Pick<
  Article,
  | "importedViews"
  | "viewCount"
  | "importedRatingAvg"
  | "importedRatingVotes"
  | "ratingSum"
  | "ratingCount"
  | "importedHelpfulPercent"
  | "helpfulYes"
  | "helpfulNo"
>;

/**
 * Imported history plus live votes. The original page's helpful percentage came without a vote count;
 * we weigh it as if it rested on the imported rating votes (docs/decisions/003-tooling.md, "imported figures").
 */
export function articleStats(a: StatsRow): ArticleStats {
  const importedAvg = a.importedRatingAvg != null ? Number(a.importedRatingAvg) : null;
  const importedVotes = importedAvg != null ? a.importedRatingVotes : 0;
  const ratingVotes = importedVotes + a.ratingCount;
  const ratingAverage =
    ratingVotes > 0
      ? Math.round((((importedAvg ?? 0) * importedVotes + a.ratingSum) / ratingVotes) * 10) / 10
      : null;
  const helpfulBase = a.importedHelpfulPercent != null ? Math.max(a.importedRatingVotes, 1) : 0;
  const helpfulVotes = helpfulBase + a.helpfulYes + a.helpfulNo;
  const helpfulPercent =
    helpfulVotes > 0
      ? Math.round(((a.importedHelpfulPercent ?? 0) * helpfulBase + 100 * a.helpfulYes) / helpfulVotes)
      : null;
  return { views: a.importedViews + a.viewCount, ratingAverage, ratingVotes, helpfulPercent };
}

/** An article's question with its polls and options (ids and labels; totals come from the polls API). */
export async function loadArticleQuestion(db: Db, articleId: string): Promise<PublicArticle["question"]> {
  const [q] = await db.select().from(questions).where(eq(questions.articleId, articleId)).limit(1);
  if (!q) return null;
  const ps = await db.select().from(polls).where(eq(polls.questionId, q.id)).orderBy(asc(polls.position));
  const opts = ps.length
    ? await db
        .select({ id: pollOptions.id, pollId: pollOptions.pollId, label: pollOptions.label })
        .from(pollOptions)
        .where(
          inArray(
            pollOptions.pollId,
            ps.map((p) => p.id),
          ),
        )
        .orderBy(asc(pollOptions.position))
    : [];
  return {
    heading: q.heading,
    text: q.text,
    callToAction: q.callToAction,
    polls: ps.map((p) => ({
      id: p.id,
      question: p.question,
      multiple: p.multiple,
      maxChoices: p.maxChoices,
      closesAt: p.closesAt?.toISOString() ?? null,
      resultsVisibility: p.resultsVisibility,
      whoMayVote: p.whoMayVote,
      options: opts.filter((o) => o.pollId === p.id).map((o) => ({ id: o.id, label: o.label })),
    })),
  };
}

const published = eq(articles.status, "published");
// external threads (embedded discussions of other sites' pages) are not pages of this site
const visibleNow = () => and(published, eq(articles.kind, "article"), sql`${articles.publishedAt} <= now()`);

export async function findPublishedArticle(db: Db, slug: string): Promise<PublicArticle | null> {
  if (!isSlug(slug)) return null; // names no article (and PostgreSQL refuses NUL)
  const rows = await db
    .select({ article: articles, author: authors })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(eq(articles.slug, slug), visibleNow()))
    .limit(1);
  if (rows.length === 0) return null;
  const { article: a, author } = rows[0];
  const question = await loadArticleQuestion(db, a.id);
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    description: a.description,
    body: a.body,
    tags: a.tags,
    references: a.references,
    publishedAt: (a.publishedAt ?? a.createdAt).toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    commentsOpen: a.commentsOpen,
    defaultSort: a.defaultSort,
    commentCount: a.commentCount,
    stats: articleStats(a),
    author: {
      name: author.name,
      slug: author.slug,
      job: author.job,
      hobbies: author.hobbies,
      introduction: author.introduction,
    },
    question,
  };
}

const cardFields = {
  slug: articles.slug,
  title: articles.title,
  description: articles.description,
  publishedAt: articles.publishedAt,
  authorName: authors.name,
  importedViews: articles.importedViews,
  viewCount: articles.viewCount,
  commentCount: articles.commentCount,
};

type CardRow = {
  slug: string;
  title: string;
  description: string | null;
  publishedAt: Date | null;
  authorName: string;
  importedViews: number;
  viewCount: number;
  commentCount: number;
};

function toCard(r: CardRow): ArticleCard {
  return {
    slug: r.slug,
    title: r.title,
    description: r.description,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    authorName: r.authorName,
    views: r.importedViews + r.viewCount,
    commentCount: r.commentCount,
  };
}

export async function latestArticles(db: Db, limit = 5): Promise<ArticleCard[]> {
  const rows = await db
    .select(cardFields)
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(visibleNow())
    .orderBy(desc(articles.publishedAt), asc(articles.slug))
    .limit(limit);
  return rows.map(toCard);
}

export async function topArticles(db: Db, limit = 5): Promise<ArticleCard[]> {
  const rows = await db
    .select(cardFields)
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(visibleNow())
    .orderBy(desc(sql`${articles.importedViews} + ${articles.viewCount}`), desc(articles.publishedAt))
    .limit(limit);
  return rows.map(toCard);
}

/** Other articles sharing tags or the author; more shared tags first, same author next, newer last. */
export async function recommendedArticles(db: Db, slug: string, limit = 4): Promise<ArticleCard[]> {
  const [base] = await db
    .select({ id: articles.id, tags: articles.tags, authorId: articles.authorId })
    .from(articles)
    .where(eq(articles.slug, slug))
    .limit(1);
  if (!base) return [];
  // no tags: a placeholder no tag can equal (PostgreSQL text cannot hold "\u0000")
  const tagList = base.tags.length ? base.tags : [""];
  const shared = sql<number>`(select count(*) from jsonb_array_elements_text(${articles.tags}) as t(tag)
    where t.tag in (${sql.join(
      tagList.map((t) => sql`${t}`),
      sql`, `,
    )}))::int`;
  const sameAuthor = sql<number>`(case when ${articles.authorId} = ${base.authorId} then 1 else 0 end)`;
  const rows = await db
    .select({ ...cardFields, shared, sameAuthor })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(visibleNow(), ne(articles.id, base.id), sql`(${shared} > 0 or ${sameAuthor} = 1)`))
    .orderBy(desc(shared), desc(sameAuthor), desc(articles.publishedAt))
    .limit(limit);
  return rows.map(toCard);
}
