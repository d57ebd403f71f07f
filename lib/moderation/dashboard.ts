// The moderation dashboard's figures: comments per day, the queue and its oldest item, open reports and
// appeals, articles in surge mode, and per-article health (share held, reported, removed).
import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, articles, commentStatuses, comments, reports } from "@/db/schema";
import { getSettings } from "@/lib/settings";

export interface DayFigure {
  day: string;
  total: number;
  approved: number;
  held: number;
  removed: number;
}

export interface ArticleHealth {
  id: string;
  slug: string;
  title: string;
  total: number;
  heldPercent: number;
  reportedPercent: number;
  removedPercent: number;
  surgeUntil: string | null;
  moderationMode: string;
}

export interface Dashboard {
  timeZone: string;
  perDay: DayFigure[];
  pending: number;
  oldestPendingAt: string | null;
  reportsOpen: number;
  reportedComments: number;
  appealsOpen: number;
  surges: { id: string; slug: string; title: string; until: string }[];
  health: ArticleHealth[];
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

export async function getDashboard(db: Db, days = 14, now = new Date()): Promise<Dashboard> {
  const { timeZone } = await getSettings(db);
  const from = new Date(now.getTime() - days * 24 * 3600_000);
  const anyStatus = inArray(comments.status, [...commentStatuses]);
  const dayExpr = sql<string>`to_char(${comments.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const [perDayRows, pendingRow, reportsRow, appealsRow, surges, healthRows] = await Promise.all([
    db
      .select({
        day: dayExpr,
        total: count(),
        approved: sql<number>`count(*) filter (where ${comments.status} = 'approved')`,
        held: sql<number>`count(*) filter (where ${comments.status} = 'pending')`,
        removed: sql<number>`count(*) filter (where ${comments.status} in ('rejected','spam','deleted'))`,
      })
      .from(comments)
      .where(and(anyStatus, gt(comments.createdAt, from)))
      // by position: the time zone is a parameter, and "$1" in SELECT is not "$8" in GROUP BY for PostgreSQL
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select({ n: count(), oldest: sql<Date | null>`min(${comments.createdAt})` })
      .from(comments)
      .where(eq(comments.status, "pending")),
    db
      .select({ n: count(), comments: sql<number>`count(distinct ${reports.commentId})` })
      .from(reports)
      .where(isNull(reports.resolvedAt)),
    db.select({ n: count() }).from(appeals).where(eq(appeals.status, "open")),
    db
      .select({ id: articles.id, slug: articles.slug, title: articles.title, until: articles.surgeUntil })
      .from(articles)
      .where(gt(articles.surgeUntil, now))
      .orderBy(asc(articles.surgeUntil)),
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        surgeUntil: articles.surgeUntil,
        moderationMode: articles.moderationMode,
        total: count(),
        held: sql<number>`count(*) filter (where ${comments.status} = 'pending')`,
        reported: sql<number>`count(*) filter (where ${comments.reportCount} > 0)`,
        removed: sql<number>`count(*) filter (where ${comments.status} in ('rejected','spam','deleted'))`,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(and(anyStatus, gt(comments.createdAt, new Date(now.getTime() - 7 * 24 * 3600_000))))
      .groupBy(articles.id)
      .orderBy(desc(count()))
      .limit(20),
  ]);
  // every day of the window, zero when nothing was posted
  const byDay = new Map(perDayRows.map((r) => [r.day, r]));
  const fmt = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const perDay: DayFigure[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = fmt.format(new Date(now.getTime() - i * 24 * 3600_000));
    const r = byDay.get(day);
    perDay.push({
      day,
      total: Number(r?.total ?? 0),
      approved: Number(r?.approved ?? 0),
      held: Number(r?.held ?? 0),
      removed: Number(r?.removed ?? 0),
    });
  }
  const oldest = pendingRow[0]?.oldest;
  return {
    timeZone,
    perDay,
    pending: Number(pendingRow[0]?.n ?? 0),
    oldestPendingAt: oldest ? new Date(oldest).toISOString() : null,
    reportsOpen: Number(reportsRow[0]?.n ?? 0),
    reportedComments: Number(reportsRow[0]?.comments ?? 0),
    appealsOpen: Number(appealsRow[0]?.n ?? 0),
    surges: surges.map((s) => ({ id: s.id, slug: s.slug, title: s.title, until: s.until!.toISOString() })),
    health: healthRows.map((r) => {
      const total = Number(r.total);
      return {
        id: r.id,
        slug: r.slug,
        title: r.title,
        total,
        heldPercent: pct(Number(r.held), total),
        reportedPercent: pct(Number(r.reported), total),
        removedPercent: pct(Number(r.removed), total),
        surgeUntil: r.surgeUntil && r.surgeUntil > now ? r.surgeUntil.toISOString() : null,
        moderationMode: r.moderationMode,
      };
    }),
  };
}
