// Where comments meet the article's polls (issue 5): the "voted: <option>" tag beside a signed-in
// commenter's comments, and the list filtered to "comments from readers who voted <option>". The rules
// (who is tagged, users.show_poll_tag) live in lib/polls/tags.ts; this file puts them on comment pages.
//
// Tags are public (the reader chose to show them), so they are part of the shared cached page
// (lib/comments/cached.ts). They reflect the votes at the time the page was read: a poll vote (or the
// account toggle) does not invalidate the article's cache tag — votes are far too frequent for that —
// so a tag appears or changes with the next change to the article's comments. See
// docs/decisions/032-poll-tags-on-comments.md.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { pollOptions, polls, questions } from "@/db/schema";
import { isUuid, rowsOf } from "@/lib/db";
import { Forbidden, Invalid } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { articlePollDefinitions } from "@/lib/polls/definitions";
import { readVotesOf } from "@/lib/polls/results";
import { type PollDef, resultsHiddenUntil } from "@/lib/polls/rules";
import { votedOptionCondition, votedOptionsFor } from "@/lib/polls/tags";
import { findCommentArticle } from "./articles";
import { THREADS } from "./config";
import { parseRootCursor, rootCursorFor } from "./cursor";
import { authorCols, COMMENT_COLS, mapRow } from "./queries";
import { buildForest } from "./tree";
import type { CommentPage, CommentSort, PollFilterOption, PublicComment } from "./types";

function walk(list: PublicComment[], fn: (c: PublicComment) => void): void {
  for (const c of list) {
    fn(c);
    if (c.replies.length) walk(c.replies, fn);
  }
}

type VotedTags = Awaited<ReturnType<typeof votedOptionsFor>>;

/**
 * Poll secrecy (issue 12, hole 8): the polls whose results anyone may see right now (results always
 * shown, or closed). Tags and the filter reveal who voted what, i.e. the running results, so for a poll
 * whose results are hidden (until one votes, or until it closes) neither is shown. Lists are shared and
 * cached (anonymous), so they carry only these polls' tags.
 */
export function publicResultPolls<T extends PollDef>(defs: T[], now = new Date()): T[] {
  return defs.filter((d) => resultsHiddenUntil(d, false, now) === null);
}

/**
 * The article's polls whose results this voter may see: the public ones, plus those hidden until one
 * votes in which this voter (poll voter key, or null for an anonymous reader without a vote) has voted.
 * Per-reader: only for answers that are never shared through the page cache.
 */
async function pollsVisibleTo(db: Db, defs: PollDef[], voterKey: string | null): Promise<PollDef[]> {
  const open = publicResultPolls(defs);
  const hidden = defs.filter((d) => !open.includes(d));
  if (!voterKey || hidden.length === 0) return open;
  const mine = await readVotesOf(
    db,
    hidden.map((d) => d.id),
    voterKey,
  );
  return defs.filter((d) => open.includes(d) || (mine.has(d.id) && resultsHiddenUntil(d, true) === null));
}

/**
 * The tags these authors show for their votes in this article's polls whose results are public; with
 * `voterKey` (a per-reader answer, e.g. the author's own new comment), also in the polls that voter sees.
 */
export async function votedTagsOf(
  db: Db,
  slug: string,
  authorIds: string[],
  voterKey: string | null = null,
): Promise<VotedTags> {
  if (authorIds.length === 0) return new Map();
  const all = (await articlePollDefinitions(db, slug)) ?? [];
  const defs = voterKey ? await pollsVisibleTo(db, all, voterKey) : publicResultPolls(all);
  if (!defs.length) return new Map();
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

/**
 * The article's poll options for the filter control: polls whose results are public (hole 8); with
 * `voterKey` (per-request pages only), also the polls whose results that voter sees.
 */
export async function pollFilterOptions(
  slug: string,
  voterKey: string | null = null,
): Promise<PollFilterOption[]> {
  const db = await getDb();
  const all = (await articlePollDefinitions(db, slug)) ?? [];
  const defs = voterKey ? await pollsVisibleTo(db, all, voterKey) : publicResultPolls(all);
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
  featured: sql.raw("c.seq desc"),
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
  /** who asks: the filter by a poll whose results are hidden until one votes needs their vote */
  voterKey: string | null = null,
): Promise<CommentPage | null> {
  const article = await findCommentArticle(db, slug);
  if (!article) return null;
  const label = await optionOfArticle(db, article.id, optionId);
  if (label == null)
    throw new Invalid(
      "votedOption",
      msg("Api.comments.votedOptionIs", { optionId: optionId.slice(0, 60), slug }),
    );
  const def = ((await articlePollDefinitions(db, slug)) ?? []).find((d) =>
    d.options.some((o) => o.id === optionId),
  );
  const voted = def && voterKey ? (await readVotesOf(db, [def.id], voterKey)).has(def.id) : false;
  const hidden = def ? resultsHiddenUntil(def, voted) : null;
  if (hidden)
    throw new Forbidden(
      hidden === "vote"
        ? "votedOption: this poll's results are hidden until you vote, and so is who voted what."
        : "votedOption: this poll's results are hidden until it closes, and so is who voted what.",
      "poll_results_hidden",
      "votedOption",
    );
  const s = sort ?? article.defaultSort;
  const c0 = cursor ? parseRootCursor(cursor, s) : null;
  const keyset = !c0
    ? sql``
    : s === "new" || s === "featured"
      ? sql`and c.seq < ${c0.q}`
      : s === "old"
        ? sql`and c.seq > ${c0.q}`
        : sql`and (c.confidence, c.seq) < (${c0.c ?? 0}, ${c0.q})`;
  const rows = await rowsOf(
    db,
    sql`select ${COMMENT_COLS}, ${authorCols("c")} from comments c join users u on u.id = c.author_id
        where c.article_id = ${article.id} and c.status = 'approved'
          and ${votedOptionCondition(optionId, sql`c.author_id`)} ${s === "featured" ? sql`and c.featured` : sql``} ${keyset}
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
