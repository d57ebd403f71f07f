// Leaving Agora (issue 17): everything as JSON or CSV tables, and the comments as a Disqus-format XML that
// Disqus and Agora's own importer (lib/import) accept. No secrets and nothing that identifies a person
// beyond the public display name: no e-mail addresses, password hashes, tokens, IP hashes; voters appear
// by a pseudonymous id (a hash of their internal voter key), the same id in every table of one export.
import { createHash } from "node:crypto";
import { asc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  articleFeedback,
  articles,
  comments,
  commentVotes,
  externalThreads,
  moderationActions,
  pollOptions,
  polls,
  pollVotes,
  users,
} from "@/db/schema";
import { exportContent } from "./index";

const voterId = (key: string | null) =>
  key ? createHash("sha256").update(`agora-export:${key}`).digest("hex").slice(0, 20) : null;

export const EXPORT_TABLES = [
  "articles",
  "threads",
  "comments",
  "accounts",
  "comment_votes",
  "poll_totals",
  "poll_votes",
  "ratings",
  "moderation_audit",
] as const;

/** Every table the export has, as rows of plain values (the CSV files; the JSON document's sections). */
export async function exportTables(db: Db) {
  return db.transaction(
    async (tx) => {
      const t = tx;
      const content = await exportContent(t);
      const [accounts, threads, votes, pv, ratings, audit] = await Promise.all([
        t
          .select({
            id: users.id,
            name: users.name,
            role: users.role,
            status: users.status,
            createdAt: users.createdAt,
            deletedAt: users.deletedAt,
          })
          .from(users)
          .orderBy(asc(users.createdAt), asc(users.id)),
        t
          .select({
            articleId: externalThreads.articleId,
            slug: articles.slug,
            origin: externalThreads.origin,
            identifier: externalThreads.identifier,
            url: externalThreads.url,
            title: articles.title,
            createdAt: externalThreads.createdAt,
          })
          .from(externalThreads)
          .innerJoin(articles, eq(articles.id, externalThreads.articleId))
          .orderBy(asc(externalThreads.createdAt)),
        t
          .select({
            commentId: commentVotes.commentId,
            userId: commentVotes.userId,
            value: commentVotes.value,
          })
          .from(commentVotes),
        t
          .select({
            pollId: pollVotes.pollId,
            voterKey: pollVotes.voterKey,
            userId: pollVotes.userId,
            optionIds: pollVotes.optionIds,
            createdAt: pollVotes.createdAt,
          })
          .from(pollVotes)
          .orderBy(asc(pollVotes.createdAt)),
        t
          .select({
            articleId: articleFeedback.articleId,
            voterKey: articleFeedback.voterKey,
            userId: articleFeedback.userId,
            rating: articleFeedback.rating,
            helpful: articleFeedback.helpful,
            updatedAt: articleFeedback.updatedAt,
          })
          .from(articleFeedback),
        t
          .select({
            id: moderationActions.id,
            actorId: moderationActions.actorId,
            action: moderationActions.action,
            targetType: moderationActions.targetType,
            targetId: moderationActions.targetId,
            reason: moderationActions.reason,
            details: moderationActions.details,
            createdAt: moderationActions.createdAt,
          })
          .from(moderationActions)
          .orderBy(asc(moderationActions.id)),
      ]);
      const totals = await t
        .select({
          pollId: polls.id,
          poll: polls.question,
          optionId: pollOptions.id,
          option: pollOptions.label,
          votes: pollOptions.voteCount,
          signedInVotes: pollOptions.signedInCount,
        })
        .from(pollOptions)
        .innerJoin(polls, eq(polls.id, pollOptions.pollId))
        .orderBy(asc(polls.id), asc(pollOptions.position));
      return {
        content,
        tables: {
          articles: content.articles,
          threads,
          comments: content.comments,
          accounts,
          comment_votes: votes,
          poll_totals: totals,
          poll_votes: pv.map(({ voterKey, ...v }) => ({ ...v, voter: voterId(voterKey) })),
          ratings: ratings.map(({ voterKey, ...r }) => ({ ...r, voter: voterId(voterKey) })),
          moderation_audit: audit,
        },
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The JSON document: the content export (same format name: only sections were added) plus every table above. */
export async function exportAll(db: Db) {
  const { content, tables } = await exportTables(db);
  return { ...content, ...tables };
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; cells that a spreadsheet would run as a formula are quoted. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const cols = Object.keys(rows[0]);
  return `${[cols.join(","), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(","))].join("\r\n")}\r\n`;
}

// ---- Disqus XML ----------------------------------------------------------------------------------------

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const when = (d: Date) => d.toISOString().replace(/\.000Z$/, "Z");

function author(name: string | null, username: string | null): string {
  return username
    ? `<author><name>${esc(name || "Reader")}</name><isAnonymous>false</isAnonymous><username>${esc(username)}</username></author>`
    : `<author><name>${esc(name || "Reader")}</name><isAnonymous>true</isAnonymous></author>`;
}

export interface DisqusExportOptions {
  /** the site's public base URL: native articles' links are {base}/articles/{slug} */
  publicBase: string;
  forum?: string;
  write: (chunk: string) => void | Promise<void>;
}

/**
 * Every thread with comments and every comment, statuses as isApproved/isSpam/isDeleted (a rejected
 * comment leaves as not approved), authors by display name with the account id as username, dates
 * kept. Comments are read in pages, so memory does not grow with their number.
 */
export async function writeDisqus(
  db: Db,
  opts: DisqusExportOptions,
): Promise<{ threads: number; posts: number }> {
  const forum = esc(opts.forum ?? "agora");
  const base = opts.publicBase.replace(/\/+$/, "");
  await opts.write(
    `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd http://disqus.com/api/schemas/1.0/disqus-internals.xsd">\n  <category dsq:id="1"><forum>${forum}</forum><title>General</title><isDefault>true</isDefault></category>\n`,
  );
  const threads = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      kind: articles.kind,
      commentsOpen: articles.commentsOpen,
      createdAt: articles.createdAt,
      publishedAt: articles.publishedAt,
      origin: externalThreads.origin,
      identifier: externalThreads.identifier,
      url: externalThreads.url,
    })
    .from(articles)
    .leftJoin(externalThreads, eq(externalThreads.articleId, articles.id))
    .orderBy(asc(articles.createdAt));
  for (const t of threads) {
    const link = t.kind === "external" ? (t.url ?? `${t.origin}/`) : `${base}/articles/${t.slug}`;
    const identifier = t.kind === "external" ? (t.identifier ?? t.slug) : t.slug;
    await opts.write(
      `  <thread dsq:id="${t.id}"><id>${esc(identifier)}</id><forum>${forum}</forum><category dsq:id="1"/><link>${esc(link)}</link><title>${esc(t.title)}</title><message/><createdAt>${when(t.publishedAt ?? t.createdAt)}</createdAt>${author("Newsroom", null)}<ipAddress>127.0.0.1</ipAddress><isClosed>${!t.commentsOpen}</isClosed><isDeleted>false</isDeleted></thread>\n`,
    );
  }
  let after = 0;
  let posts = 0;
  for (;;) {
    const page = await db
      .select({
        id: comments.id,
        seq: comments.seq,
        articleId: comments.articleId,
        parentId: comments.parentId,
        bodyHtml: comments.bodyHtml,
        status: comments.status,
        createdAt: comments.createdAt,
        authorId: comments.authorId,
        authorName: users.name,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(gt(comments.seq, after))
      .orderBy(asc(comments.seq))
      .limit(5000);
    if (page.length === 0) break;
    let out = "";
    for (const c of page) {
      out += `  <post dsq:id="${c.id}"><id/><message>${cdata(c.bodyHtml)}</message><createdAt>${when(c.createdAt)}</createdAt><isApproved>${c.status === "approved" || c.status === "deleted"}</isApproved><isDeleted>${c.status === "deleted"}</isDeleted><isSpam>${c.status === "spam"}</isSpam>${author(c.authorName, c.authorId)}<ipAddress>127.0.0.1</ipAddress><thread dsq:id="${c.articleId}"/>${c.parentId ? `<parent dsq:id="${c.parentId}"/>` : ""}</post>\n`;
    }
    await opts.write(out);
    posts += page.length;
    after = page[page.length - 1].seq;
  }
  await opts.write("</disqus>\n");
  return { threads: threads.length, posts };
}
