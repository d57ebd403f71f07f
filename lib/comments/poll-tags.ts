// Where comments meet the article's polls (issue 5): the "voted: <option>" tag beside a signed-in
// commenter's comments, and the list filtered to "comments from readers who voted <option>". The rules
// (who is tagged, users.show_poll_tag) live in lib/polls/tags.ts; this file puts them on comment pages.
//
// Tags are public (the reader chose to show them), so they are part of the shared cached page
// (lib/comments/cached.ts). They reflect the votes at the time the page was read: a poll vote (or the
// account toggle) does not invalidate the article's cache tag — votes are far too frequent for that —
// so a tag appears or changes with the next change to the article's comments. See
// docs/decisions/032-poll-tags-on-comments.md.
import { and, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { pollOptions, polls, questions } from "@/db/schema";
import { ApiError } from "@/lib/api/http";
import { articlePollDefinitions, isUuid } from "@/lib/polls/definitions";
import { votedOptionCondition, votedOptionsFor } from "@/lib/polls/tags";
import { findCommentArticle } from "./articles";
import { THREADS } from "./config";
import { parseRootCursor, rootCursorFor } from "./cursor";
import { COMMENT_COLS, mapRow, rowsOf } from "./queries";
import { buildForest } from "./tree";
import type { CommentPage, CommentSort, PollFilterOption, PublicComment } from "./types";

function walk(list: PublicComment[], fn: (c: PublicComment) => void): void {
  for (const c of list) {
    fn(c);
    if (c.replies.length) walk(c.replies, fn);
  }
}

type VotedTags = Awaited<ReturnType<typeof votedOptionsFor>>;

/** The tags these authors show for their votes in this article's polls (by author id). */
export async function votedTagsOf(db: Db, slug: string, authorIds: string[]): Promise<VotedTags> {
  if (authorIds.length === 0) return new Map();
  const defs = await articlePollDefinitions(db, slug);
  if (!defs?.length) return new Map();
  return votedOptionsFor(
    db,
    defs.map((p) => p.id),
    authorIds,
    defs.flatMap((p) => p.options),
  );
}

/** Sets `votedTags` on every comment (and reply) whose author shows a vote in this article's polls. */
export async function attachVotedTags(
  db: Db,
  slug: string,
  comments: PublicComment[],
  known?: VotedTags,
): Promise<void> {
  const authorIds: string[] = [];
  walk(comments, (c) => {
    if (c.author && !c.deleted) authorIds.push(c.author.id);
  });
  const tags = known ?? (await votedTagsOf(db, slug, authorIds));
  if (tags.size === 0) return;
  walk(comments, (c) => {
    const t = c.author && !c.deleted ? tags.get(c.author.id) : undefined;
    if (t) c.votedTags = t.map((x) => ({ pollId: x.pollId, optionIds: x.optionIds, labels: x.labels }));
  });
}

/** The article's poll options, for the filter control (public, from the poll definitions cache). */
export async function pollFilterOptions(slug: string): Promise<PollFilterOption[]> {
  const defs = (await articlePollDefinitions(await getDb(), slug)) ?? [];
  return defs.flatMap((p) => p.options.map((o) => ({ id: o.id, label: o.label, question: p.question })));
}

/** Does `optionId` belong to a poll of this article? (any poll, whatever its state) */
async function optionOfArticle(db: Db, articleId: string, optionId: string): Promise<string | null> {
  if (!isUuid(optionId)) return null;
  const [r] = await db
    .select({ label: pollOptions.label })
    .from(pollOptions)
    .innerJoin(polls, eq(polls.id, pollOptions.pollId))
    .innerJoin(questions, eq(questions.id, polls.questionId))
    .where(and(eq(pollOptions.id, optionId), eq(questions.articleId, articleId)));
  return r?.label ?? null;
}

const ORDER: Record<CommentSort, ReturnType<typeof sql.raw>> = {
  new: sql.raw("c.seq desc"),
  old: sql.raw("c.seq asc"),
  top: sql.raw("c.confidence desc, c.seq desc"),
};

/**
 * "Comments from readers who voted <option>": the article's published comments (any depth, shown flat,
 * without their replies) whose author chose `optionId` and shows their poll tag. Read per request, never
 * from the shared page cache (one entry per option and cursor would crowd out the hot pages). Null when
 * the article is not published; 422 when the option is not one of this article's polls.
 */
export async function readVotedOptionPage(
  db: Db,
  slug: string,
  optionId: string,
  sort: CommentSort | null,
  cursor: string | null,
  limit: number = THREADS.pageSize,
): Promise<CommentPage | null> {
  const article = await findCommentArticle(db, slug);
  if (!article) return null;
  const label = await optionOfArticle(db, article.id, optionId);
  if (label == null)
    throw new ApiError(
      422,
      "invalid_input",
      `votedOption: "${optionId.slice(0, 60)}" is not an option of this article's polls (use an option id from GET /api/v1/articles/${slug}/polls).`,
      "votedOption",
    );
  const s = sort ?? article.defaultSort;
  const c0 = cursor ? parseRootCursor(cursor, s) : null;
  const keyset = !c0
    ? sql``
    : s === "new"
      ? sql`and c.seq < ${c0.q}`
      : s === "old"
        ? sql`and c.seq > ${c0.q}`
        : sql`and (c.confidence, c.seq) < (${c0.c ?? 0}, ${c0.q})`;
  const rows = await rowsOf(
    db,
    sql`select ${COMMENT_COLS}, u.name as author_name, case when u.profile_hidden or u.deleted_at is not null then null else u.handle end as author_handle from comments c join users u on u.id = c.author_id
        where c.article_id = ${article.id} and c.status = 'approved'
          and ${votedOptionCondition(optionId, sql`c.author_id`)} ${keyset}
        order by ${ORDER[s]} limit ${limit + 1}`,
  );
  const mapped = rows.map(mapRow);
  const more = mapped.length > limit;
  const shown = more ? mapped.slice(0, limit) : mapped;
  const last = shown[shown.length - 1];
  // flat: each comment on its own, its replies on its own page (depth cap = its own depth)
  const comments = shown.map((r) => {
    const [c] = buildForest([r], [], slug, r.depth, 0);
    c.moreReplies = 0;
    c.moreRepliesCursor = null;
    c.continueThread = r.replyCount > 0;
    return c;
  });
  await attachVotedTags(db, slug, comments);
  return {
    article: {
      slug: article.slug,
      commentCount: article.commentCount,
      commentsOpen: article.commentsOpen,
      defaultSort: article.defaultSort,
    },
    sort: s,
    comments,
    nextCursor: more && last ? rootCursorFor(s, last.seq, last.confidence) : null,
    votedOption: { id: optionId, label },
  };
}
