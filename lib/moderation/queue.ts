// The moderation queues: pending (oldest first), reported (open reports, oldest first), rejected & spam
// (newest first) and all (newest first). Keyset pagination on (created_at, seq) follows
// comments_status_idx, so a page costs the same with 10,000 items waiting as with 10; "all" walks the
// seq index backwards. Each item carries what a moderator needs to decide without clicking around.
import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, comments, reports, users } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { localize, msg } from "@/lib/i18n/text";
import { isTimestampText } from "@/lib/validation/text";
import { explainStatus } from "./messages";

export const QUEUES = ["pending", "reported", "rejected", "all"] as const;
export type QueueName = (typeof QUEUES)[number];

export const queueQuerySchema = z.object({
  status: z.enum(QUEUES, { error: `must be one of ${QUEUES.join(", ")}` }).default("pending"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(25),
  articleId: z.string().uuid("must be an article id").optional(),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export interface QueueItem {
  id: string;
  body: string;
  status: string;
  statusReason: string | null;
  decidedBy: string | null;
  explanation: string;
  tags: string[];
  createdAt: string;
  editedAt: string | null;
  featured: boolean;
  pinned: boolean;
  reportCount: number;
  article: { id: string; slug: string; title: string };
  parent: { id: string; excerpt: string; authorName: string | null; status: string } | null;
  author: {
    id: string;
    name: string | null;
    role: string;
    status: string;
    createdAt: string;
    approvedCount: number;
    rejectedCount: number;
  } | null;
  reports: { reason: string; count: number; notes: string[] }[];
}

interface Cursor {
  t: string;
  s: number;
}
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Cursor;
    if (typeof c.t === "string" && Number.isSafeInteger(c.s) && isTimestampText(c.t)) return c;
  } catch {}
  throw new Invalid("cursor", msg("Api.moderation.cursorMustBeThe"));
}

const openReported = sql`${comments.id} in (select ${reports.commentId} from ${reports} where ${reports.resolvedAt} is null)`;

function queueFilter(q: QueueName): SQL | undefined {
  switch (q) {
    case "pending":
      return eq(comments.status, "pending");
    case "reported":
      return openReported;
    case "rejected":
      return inArray(comments.status, ["rejected", "spam"]);
    default:
      return undefined;
  }
}

/** Items waiting in each queue (the "all" figure is every comment). */
export async function queueCounts(db: Db): Promise<Record<"pending" | "reported" | "rejected", number>> {
  const [p] = await db.select({ n: count() }).from(comments).where(eq(comments.status, "pending"));
  const [r] = await db
    .select({ n: sql<number>`count(distinct ${reports.commentId})` })
    .from(reports)
    .where(isNull(reports.resolvedAt));
  const [x] = await db
    .select({ n: count() })
    .from(comments)
    .where(inArray(comments.status, ["rejected", "spam"]));
  return { pending: Number(p?.n ?? 0), reported: Number(r?.n ?? 0), rejected: Number(x?.n ?? 0) };
}

export async function listQueue(
  db: Db,
  q: QueueQuery,
  /** the language of the explanations (kept in English; lib/i18n/text.ts localize) */
  locale = "en",
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const oldestFirst = q.status === "pending" || q.status === "reported";
  const bySeq = q.status === "all";
  const cur = q.cursor ? decodeCursor(q.cursor) : null;
  const createdText = sql<string>`${comments.createdAt}::text`;
  let keyset: SQL | undefined;
  if (cur) {
    if (bySeq) keyset = sql`${comments.seq} < ${cur.s}`;
    else if (oldestFirst)
      keyset = sql`(${comments.createdAt}, ${comments.seq}) > (${cur.t}::timestamptz, ${cur.s})`;
    else keyset = sql`(${comments.createdAt}, ${comments.seq}) < (${cur.t}::timestamptz, ${cur.s})`;
  }
  const order = bySeq
    ? [desc(comments.seq)]
    : oldestFirst
      ? [asc(comments.createdAt), asc(comments.seq)]
      : [desc(comments.createdAt), desc(comments.seq)];
  const rows = await db
    .select({
      c: {
        id: comments.id,
        seq: comments.seq,
        body: comments.body,
        status: comments.status,
        statusReason: comments.statusReason,
        decidedBy: comments.decidedBy,
        tags: comments.moderationTags,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        featured: comments.featured,
        pinned: comments.pinned,
        reportCount: comments.reportCount,
        parentId: comments.parentId,
        authorId: comments.authorId,
      },
      createdText,
      article: { id: articles.id, slug: articles.slug, title: articles.title },
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(queueFilter(q.status), keyset, q.articleId ? eq(comments.articleId, q.articleId) : undefined))
    .orderBy(...order)
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const items = await decorate(db, page, locale);
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.createdText, s: last.c.seq }) : null,
  };
}

type Row = {
  c: {
    id: string;
    body: string;
    status: string;
    statusReason: string | null;
    decidedBy: string | null;
    tags: string[];
    createdAt: Date;
    editedAt: Date | null;
    featured: boolean;
    pinned: boolean;
    reportCount: number;
    parentId: string | null;
    authorId: string | null;
  };
  article: { id: string; slug: string; title: string };
};

/** Parents, author summaries and open reports for a page of comments: three queries, whatever the size. */
async function decorate(db: Db, page: Row[], locale: string): Promise<QueueItem[]> {
  if (!page.length) return [];
  const ids = page.map((r) => r.c.id);
  const parentIds = [...new Set(page.map((r) => r.c.parentId).filter((x): x is string => Boolean(x)))];
  const authorIds = [...new Set(page.map((r) => r.c.authorId).filter((x): x is string => Boolean(x)))];
  const [parents, authors, openReports] = await Promise.all([
    parentIds.length
      ? db
          .select({ id: comments.id, body: comments.body, status: comments.status, name: users.name })
          .from(comments)
          .leftJoin(users, eq(users.id, comments.authorId))
          .where(inArray(comments.id, parentIds))
      : [],
    authorIds.length
      ? db
          .select({
            id: users.id,
            name: users.name,
            role: users.role,
            status: users.status,
            createdAt: users.createdAt,
            approved: sql<number>`(select count(*) from ${comments} x where x.author_id = "users"."id" and x.status = 'approved')`,
            rejected: sql<number>`(select count(*) from ${comments} x where x.author_id = "users"."id" and x.status in ('rejected','spam'))`,
          })
          .from(users)
          .where(inArray(users.id, authorIds))
      : [],
    db
      .select({ commentId: reports.commentId, reason: reports.reason, note: reports.note })
      .from(reports)
      .where(and(inArray(reports.commentId, ids), isNull(reports.resolvedAt))),
  ]);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  const authorById = new Map(authors.map((a) => [a.id, a]));
  return page.map(({ c, article }) => {
    const p = c.parentId ? parentById.get(c.parentId) : undefined;
    const a = c.authorId ? authorById.get(c.authorId) : undefined;
    const grouped = new Map<string, { reason: string; count: number; notes: string[] }>();
    for (const r of openReports) {
      if (r.commentId !== c.id) continue;
      const g = grouped.get(r.reason) ?? { reason: r.reason, count: 0, notes: [] };
      g.count++;
      if (r.note) g.notes.push(r.note);
      grouped.set(r.reason, g);
    }
    return {
      id: c.id,
      body: c.body,
      status: c.status,
      statusReason: c.statusReason,
      decidedBy: c.decidedBy,
      explanation: localize(explainStatus(c), locale),
      tags: c.tags,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      featured: c.featured,
      pinned: c.pinned,
      reportCount: c.reportCount,
      article,
      parent: p
        ? {
            id: p.id,
            excerpt: p.body.length > 200 ? `${p.body.slice(0, 200)}…` : p.body,
            authorName: p.name,
            status: p.status,
          }
        : null,
      author: a
        ? {
            id: a.id,
            name: a.name,
            role: a.role,
            status: a.status,
            createdAt: a.createdAt.toISOString(),
            approvedCount: Number(a.approved),
            rejectedCount: Number(a.rejected),
          }
        : null,
      reports: [...grouped.values()],
    };
  });
}
