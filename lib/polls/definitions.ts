// Poll definitions (question, options, rules) of published articles. They change only when content is
// (re)published, so they are kept in process memory for a few seconds (AGORA_POLL_DEF_TTL_MS, default
// 5000): a vote then costs no lookup of its poll. Counts and votes are never cached.
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, pollOptions, polls, questions } from "@/db/schema";
import { isUuid } from "@/lib/db";
import { isSlug } from "@/lib/validation/text";
import { shared } from "@/server/state.cjs";
import type { PollDef } from "./rules";

const TTL_MS = Number(process.env.AGORA_POLL_DEF_TTL_MS ?? 5000);

interface Entry<T> {
  value: T;
  until: number;
}
interface DefCache {
  byId: Map<string, Entry<PollDef | null>>;
  bySlug: Map<string, Entry<PollDef[] | null>>;
}
const cache = shared<DefCache>("pollDefs", () => ({ byId: new Map(), bySlug: new Map() }));

/** Drops cached definitions (tests, or after an editor changes a poll in this process). */
export function forgetPollDefinitions(): void {
  cache.byId.clear();
  cache.bySlug.clear();
}

const pollColumns = {
  id: polls.id,
  articleId: articles.id,
  articleSlug: articles.slug,
  position: polls.position,
  question: polls.question,
  multiple: polls.multiple,
  maxChoices: polls.maxChoices,
  closesAt: polls.closesAt,
  resultsVisibility: polls.resultsVisibility,
  whoMayVote: polls.whoMayVote,
};

const visibleArticle = () => and(eq(articles.status, "published"), sql`${articles.publishedAt} <= now()`);

async function withOptions(db: Db, rows: Omit<PollDef, "options">[]): Promise<PollDef[]> {
  if (rows.length === 0) return [];
  const opts = await db
    .select({ id: pollOptions.id, pollId: pollOptions.pollId, label: pollOptions.label })
    .from(pollOptions)
    .where(
      inArray(
        pollOptions.pollId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(pollOptions.position), asc(pollOptions.id));
  return rows.map((r) => ({
    ...r,
    options: opts.filter((o) => o.pollId === r.id).map((o) => ({ id: o.id, label: o.label })),
  }));
}

async function loadPoll(db: Db, pollId: string): Promise<PollDef | null> {
  const rows = await db
    .select(pollColumns)
    .from(polls)
    .innerJoin(questions, eq(questions.id, polls.questionId))
    .innerJoin(articles, eq(articles.id, questions.articleId))
    .where(and(eq(polls.id, pollId), visibleArticle()))
    .limit(1);
  const [def] = await withOptions(db, rows);
  return def ?? null;
}

async function loadArticlePolls(db: Db, slug: string): Promise<PollDef[] | null> {
  const [a] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), visibleArticle()))
    .limit(1);
  if (!a) return null;
  const rows = await db
    .select(pollColumns)
    .from(polls)
    .innerJoin(questions, eq(questions.id, polls.questionId))
    .innerJoin(articles, eq(articles.id, questions.articleId))
    .where(eq(articles.id, a.id))
    .orderBy(asc(polls.position));
  return withOptions(db, rows);
}

async function cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = map.get(key);
  if (hit && hit.until > now) return hit.value;
  const value = await load();
  if (TTL_MS > 0) {
    if (map.size > 5000) map.clear();
    map.set(key, { value, until: now + TTL_MS });
  }
  return value;
}

/** A poll of a published article, or null (unknown id, draft or not yet published article). */
export function pollDefinition(db: Db, pollId: string): Promise<PollDef | null> {
  if (!isUuid(pollId)) return Promise.resolve(null);
  return cached(cache.byId, pollId.toLowerCase(), () => loadPoll(db, pollId));
}

/** The polls of a published article in order, or null when there is no such article. */
export function articlePollDefinitions(db: Db, slug: string): Promise<PollDef[] | null> {
  if (!isSlug(slug)) return Promise.resolve(null); // names no article (and PostgreSQL refuses NUL)
  return cached(cache.bySlug, slug, () => loadArticlePolls(db, slug));
}
