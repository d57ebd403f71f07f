// The editor's answer to the readers (issue 15): comments shortlisted from the queue or the article, and
// the published "What readers said" block. Search columns (articles.search, comments.search) are
// generated tsvector columns written by hand in the discovery migration, not declared here, so that
// `select *` reads elsewhere never carry them (docs/decisions/090-site-search.md).
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { articles, comments } from "./core";

/** Comments an editor picked as candidates for the follow-up block (one row per comment). */
export const commentShortlist = pgTable(
  "comment_shortlist",
  {
    commentId: uuid("comment_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    addedBy: text("added_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("comment_shortlist_article_idx").on(t.articleId, t.createdAt)],
);

/** A snapshot of one poll's results, taken when the block is published. */
export interface FollowUpPollSnapshot {
  pollId: string;
  question: string;
  totalVoters: number;
  options: { label: string; votes: number }[];
}

/** "What readers said": one per article; quoted comments are read live, so removed ones drop out. */
export const articleFollowUps = pgTable("article_follow_ups", {
  articleId: uuid("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  commentIds: jsonb("comment_ids").$type<string[]>().notNull().default([]),
  published: boolean("published").notNull().default(false),
  publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
  polls: jsonb("polls").$type<FollowUpPollSnapshot[]>().notNull().default([]),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
