// The core tables of Agora (feature tables live beside this file; db/schema.ts re-exports them all).
// Counters that pages read often (scores, reply counts, poll totals, rating sums) live on the row and are
// updated in the same transaction as the vote that changes them.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------------
// Accounts (Auth.js adapter tables, extended with role, status and a session version)
// ---------------------------------------------------------------------------------------------------
export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").unique(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ["reader", "moderator", "admin"] })
      .notNull()
      .default("reader"),
    status: text("status", { enum: ["active", "suspended", "banned"] })
      .notNull()
      .default("active"),
    suspendedUntil: timestamp("suspended_until", { withTimezone: true, mode: "date" }),
    statusReason: text("status_reason"),
    // bumped by "sign out everywhere", password change, ban, role change, deletion: JWTs carrying an
    // older version stop authorising anything on their next request
    sessionVersion: integer("session_version").notNull().default(1),
    // the "voted: X" tag beside one's comments: opt-in (decision 082); accounts made before keep theirs
    showPollTag: boolean("show_poll_tag").notNull().default(false),
    /** public profile address /readers/{handle}: lowercase, unique; derived from the name by a trigger
     * when none is given (lib/profiles/handle.ts, docs/decisions/091-reader-handles.md) */
    handle: text("handle").unique(),
    handleChangedAt: timestamp("handle_changed_at", { withTimezone: true, mode: "date" }),
    /** the reader hid their profile: 404 for everyone but staff */
    profileHidden: boolean("profile_hidden").notNull().default(false),
    /** the reader's language for mail ("en" | "es", lib/i18n/config.ts): set at sign-up from the
     * request, changeable on the account page (docs/decisions/131-i18n-api-and-mail.md) */
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("users_created_idx").on(t.createdAt)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_idx").on(t.userId),
  ],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Personal API tokens for newsroom tools (stored hashed; shown once). */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    // the account's session version and role when the token was made: a token stops with the sessions
    // it was made beside (sign out everywhere, password change, ban, role change, deletion) and never
    // acts with more than this role (decision 081)
    sessionVersion: integer("session_version"),
    createdRole: text("created_role", { enum: ["reader", "moderator", "admin"] }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

// ---------------------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------------------
/** Public author profile. Never birthday, address or phone. */
export const authors = pgTable("authors", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  job: text("job"),
  hobbies: jsonb("hobbies").$type<string[]>().notNull().default([]),
  introduction: text("introduction"),
  /**
   * The reader account of this author, if any (set by an admin: docs/decisions/113-author-accounts.md):
   * their comments on this author's articles carry an "Author" badge. One account per author.
   */
  userId: text("user_id")
    .unique()
    .references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description"),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => authors.id),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    references: jsonb("references").$type<{ title: string; url?: string }[]>().notNull().default([]),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    updatedAt: updatedAt(),
    createdAt: createdAt(),
    commentsOpen: boolean("comments_open").notNull().default(true),
    moderationMode: text("moderation_mode", { enum: ["default", "post", "pre"] })
      .notNull()
      .default("default"),
    defaultSort: text("default_sort", { enum: ["new", "top", "old"] })
      .notNull()
      .default("new"),
    /** quiet hours: comments close daily between these local times ("HH:MM"), null = none */
    quietStart: text("quiet_start"),
    quietEnd: text("quiet_end"),
    /** surge mode: premoderation until this instant */
    surgeUntil: timestamp("surge_until", { withTimezone: true, mode: "date" }),
    // imported history from the original page; live figures are added on top
    importedViews: integer("imported_views").notNull().default(0),
    importedRatingAvg: text("imported_rating_avg"), // decimal as text, e.g. "4.4"
    importedRatingVotes: integer("imported_rating_votes").notNull().default(0),
    importedHelpfulPercent: integer("imported_helpful_percent"),
    // live counters, updated in the transaction of the vote/view/comment
    viewCount: integer("view_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    helpfulYes: integer("helpful_yes").notNull().default(0),
    helpfulNo: integer("helpful_no").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    contentHash: text("content_hash"),
    /** "external": the discussion of a page on another site (db/tables/publishers.ts external_threads) */
    kind: text("kind", { enum: ["article", "external"] })
      .notNull()
      .default("article"),
  },
  (t) => [
    index("articles_published_idx").on(t.status, t.publishedAt),
    index("articles_author_idx").on(t.authorId),
    index("articles_tags_idx").using("gin", t.tags),
  ],
);

/** One question per article: the closing "thought-provoking question". */
export const questions = pgTable("questions", {
  id: uuid("id").primaryKey().defaultRandom(),
  articleId: uuid("article_id")
    .notNull()
    .unique()
    .references(() => articles.id, { onDelete: "cascade" }),
  heading: text("heading").notNull(),
  text: text("text").notNull(),
  callToAction: text("call_to_action").notNull(),
});

export const polls = pgTable(
  "polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    position: smallint("position").notNull().default(0),
    question: text("question").notNull(),
    multiple: boolean("multiple").notNull().default(false),
    maxChoices: smallint("max_choices").notNull().default(1),
    closesAt: timestamp("closes_at", { withTimezone: true, mode: "date" }),
    resultsVisibility: text("results_visibility", { enum: ["always", "after_vote", "after_close"] })
      .notNull()
      .default("after_vote"),
    whoMayVote: text("who_may_vote", { enum: ["anyone", "signed_in"] })
      .notNull()
      .default("anyone"),
    totalVoters: integer("total_voters").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("polls_question_idx").on(t.questionId, t.position)],
);

export const pollOptions = pgTable(
  "poll_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    position: smallint("position").notNull().default(0),
    label: text("label").notNull(),
    voteCount: integer("vote_count").notNull().default(0),
    signedInCount: integer("signed_in_count").notNull().default(0),
  },
  (t) => [index("poll_options_poll_idx").on(t.pollId, t.position)],
);

/**
 * One row per voter per poll. `voterKey` is "u:<userId>" for accounts or "a:<voter cookie id>" for
 * anonymous voters; option ids chosen are in `optionIds`.
 */
export const pollVotes = pgTable(
  "poll_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    voterKey: text("voter_key").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    optionIds: jsonb("option_ids").$type<string[]>().notNull(),
    ipHash: text("ip_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("poll_votes_voter_uq").on(t.pollId, t.voterKey),
    index("poll_votes_user_idx").on(t.userId),
  ],
);

/** Article ratings (1–5) and "was this helpful" per reader (account or voter cookie). */
export const articleFeedback = pgTable(
  "article_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    voterKey: text("voter_key").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    rating: smallint("rating"),
    helpful: boolean("helpful"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("article_feedback_voter_uq").on(t.articleId, t.voterKey)],
);

/** One row per visitor per article per day (visitor = hashed cookie id; never a raw IP). */
export const articleViews = pgTable(
  "article_views",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    day: text("day").notNull(), // YYYY-MM-DD (UTC)
    visitorHash: text("visitor_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day, t.visitorHash] })],
);

// ---------------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------------
export const commentStatuses = ["pending", "approved", "rejected", "spam", "deleted"] as const;

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** monotonic, used to build `path` and as a keyset tiebreak */
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    rootId: uuid("root_id"),
    depth: smallint("depth").notNull().default(0),
    /** materialised path of zero-padded seqs from the root: orders a thread depth-first */
    path: text("path").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: text("status", { enum: commentStatuses }).notNull().default("pending"),
    statusReason: text("status_reason"),
    /** what the author is told about the current status (the verdict's message), e.g. why it is held */
    statusMessage: text("status_message"),
    /** which moderation phase decided, and its tags */
    decidedBy: text("decided_by"),
    moderationTags: jsonb("moderation_tags").$type<string[]>().notNull().default([]),
    score: integer("score").notNull().default(0),
    upvotes: integer("upvotes").notNull().default(0),
    downvotes: integer("downvotes").notNull().default(0),
    /** Wilson lower bound of up/(up+down), kept on the row for the "top" sort */
    confidence: integer("confidence").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    descendantCount: integer("descendant_count").notNull().default(0),
    reportCount: integer("report_count").notNull().default(0),
    featured: boolean("featured").notNull().default(false),
    pinned: boolean("pinned").notNull().default(false),
    ipHash: text("ip_hash"),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("comments_article_roots_new_idx")
      .on(t.articleId, t.seq)
      .where(sql`${t.depth} = 0 and ${t.status} in ('approved','deleted')`),
    index("comments_article_roots_top_idx")
      .on(t.articleId, t.confidence, t.seq)
      .where(sql`${t.depth} = 0 and ${t.status} in ('approved','deleted')`),
    // the "Featured" list (lib/comments/queries.ts loadFeaturedPage): few rows, newest first
    index("comments_article_featured_idx")
      .on(t.articleId, t.seq)
      .where(sql`${t.featured} and ${t.status} = 'approved'`),
    index("comments_thread_idx").on(t.rootId, t.path),
    index("comments_parent_idx").on(t.parentId, t.seq),
    index("comments_author_idx").on(t.authorId, t.createdAt),
    index("comments_status_idx").on(t.status, t.createdAt),
  ],
);

export const commentVotes = pgTable(
  "comment_votes",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    value: smallint("value").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_votes_user_idx").on(t.userId)],
);

export const commentRevisions = pgTable(
  "comment_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("comment_revisions_comment_idx").on(t.commentId, t.createdAt)],
);

export const reportReasons = ["spam", "abuse", "off_topic", "misinformation", "other"] as const;

export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: reportReasons }).notNull(),
    note: text("note"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    resolvedBy: text("resolved_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reports_comment_reporter_uq").on(t.commentId, t.reporterId),
    index("reports_open_idx").on(t.resolvedAt, t.createdAt),
  ],
);

export const appeals = pgTable(
  "appeals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commentId: uuid("comment_id")
      .notNull()
      .unique()
      .references(() => comments.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    status: text("status", { enum: ["open", "upheld", "overturned"] })
      .notNull()
      .default("open"),
    rejectedBy: text("rejected_by"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("appeals_status_idx").on(t.status, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------
// Moderation
// ---------------------------------------------------------------------------------------------------
/** The audit log: append-only. */
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type", {
      enum: ["comment", "user", "article", "settings", "appeal", "token"],
    }).notNull(),
    targetId: text("target_id").notNull(),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("moderation_actions_created_idx").on(t.createdAt),
    index("moderation_actions_target_idx").on(t.targetType, t.targetId),
  ],
);

export const moderatorNotes = pgTable(
  "moderator_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorId: text("author_id"),
    note: text("note").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("moderator_notes_user_idx").on(t.userId, t.createdAt)],
);

/** Key/value settings (word lists, thresholds, modes); values are validated by lib/ with zod. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
  updatedBy: text("updated_by"),
});

/** Rate-limit counters for rate-limiter-flexible's PostgreSQL store (shared across instances). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

export type User = typeof users.$inferSelect;
export type Author = typeof authors.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type Poll = typeof polls.$inferSelect;
export type PollOption = typeof pollOptions.$inferSelect;
export type Comment = typeof comments.$inferSelect;
