// `npm run export`: all content as one JSON document — authors, articles (with their figures), the
// questions, polls and options (with vote totals), and comments (with scores). No personal data: no
// e-mail addresses, hashed IPs, voter ids or individual votes; a comment names its author by the
// public display name only.
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, comments, pollOptions, polls, questions, users } from "@/db/schema";
import type { Executor } from "@/lib/db";

export const EXPORT_FORMAT = "agora-export/1";

/** Reads everything in one read-only, repeatable-read transaction: a consistent snapshot. */
export async function exportContent(db: Db, now = new Date()) {
  return db.transaction((tx) => read(tx, now), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function read(db: Executor, now: Date) {
  const [authorRows, articleRows, questionRows, pollRows, optionRows, commentRows] = await Promise.all([
    db.select().from(authors).orderBy(asc(authors.slug)),
    db.select().from(articles).orderBy(asc(articles.createdAt), asc(articles.slug)),
    db.select().from(questions),
    db.select().from(polls).orderBy(asc(polls.questionId), asc(polls.position)),
    db.select().from(pollOptions).orderBy(asc(pollOptions.pollId), asc(pollOptions.position)),
    db
      .select({
        id: comments.id,
        articleId: comments.articleId,
        parentId: comments.parentId,
        rootId: comments.rootId,
        depth: comments.depth,
        path: comments.path,
        authorId: comments.authorId,
        authorName: users.name,
        body: comments.body,
        status: comments.status,
        statusReason: comments.statusReason,
        score: comments.score,
        upvotes: comments.upvotes,
        downvotes: comments.downvotes,
        replyCount: comments.replyCount,
        featured: comments.featured,
        pinned: comments.pinned,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        deletedAt: comments.deletedAt,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .orderBy(asc(comments.seq)),
  ]);
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    authors: authorRows,
    articles: articleRows.map(({ contentHash: _hash, ...a }) => a),
    questions: questionRows,
    polls: pollRows,
    pollOptions: optionRows,
    comments: commentRows,
  };
}

export type ContentExport = Awaited<ReturnType<typeof exportContent>>;
