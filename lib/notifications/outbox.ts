// The outbox of domain events (issue 16). A change that readers or webhooks should hear about records
// ONE event here, in the same transaction as the change: the event exists exactly when the change
// committed. A trigger NOTIFYs `agora_outbox` at commit; lib/notifications/fanout.ts turns events into
// notifications, mail jobs and webhook deliveries off the request path (docs/decisions/100-*).
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Tx } from "@/lib/db";

export const OUTBOX_CHANNEL = "agora_outbox";

export type OutboxEvent =
  /** a new comment was stored (any status); approved ones also fan out as replies/mentions */
  | { type: "comment.created"; commentId: string; data: { status: string } }
  /** a moderator (or an appeal, or automatic hiding) moved a comment between statuses */
  | { type: "comment.status"; commentId: string; data: { from: string; to: string; reason?: string | null } }
  | { type: "comment.flag"; commentId: string; data: { flag: "featured" | "pinned"; on: boolean } }
  | {
      type: "appeal.decided";
      commentId: string;
      data: { outcome: "upheld" | "overturned"; note?: string | null };
    }
  | { type: "comment.reported"; commentId: string; data: { reason?: string | null } }
  | { type: "comment.deleted"; commentId: string; data?: Record<string, never> }
  | { type: "poll.closed"; commentId?: undefined; data: Record<string, unknown> & { pollId: string } }
  | {
      type: "article.published";
      commentId?: undefined;
      data: Record<string, unknown> & { articleId: string };
    };

/** The INSERT of one event, for a CTE of a larger statement (the posting path is one statement). */
export function outboxInsert(e: OutboxEvent): SQL {
  return sql`insert into notification_outbox (type, comment_id, data) values (${e.type}, ${e.commentId ?? null}::uuid, ${JSON.stringify(e.data ?? {})}::jsonb)`;
}

/** Records one event inside the caller's transaction. */
export async function recordEvent(tx: Tx | Db, e: OutboxEvent): Promise<void> {
  await tx.execute(outboxInsert(e));
}

/**
 * Events that happen by the clock rather than by a write: a poll reaching its closing time, an article
 * reaching its (scheduled) publication time. Run every minute by the queue's sweep in one instance
 * (pg-boss schedules fire once); each event is recorded once (NOT EXISTS on the outbox).
 */
export async function recordTimedEvents(db: Db): Promise<void> {
  await db.execute(sql`insert into notification_outbox (type, data)
    select 'poll.closed', jsonb_build_object('pollId', p.id::text, 'articleId', q.article_id::text,
        'question', p.question, 'closesAt', p.closes_at)
    from polls p join questions q on q.id = p.question_id
    where p.closes_at <= now() and p.closes_at > now() - interval '1 hour'
      and not exists (select 1 from notification_outbox o where o.type = 'poll.closed' and o.data->>'pollId' = p.id::text)`);
  await db.execute(sql`insert into notification_outbox (type, data)
    select 'article.published', jsonb_build_object('articleId', a.id::text, 'slug', a.slug, 'title', a.title,
        'publishedAt', a.published_at)
    from articles a
    where a.status = 'published' and a.published_at <= now() and a.published_at > now() - interval '1 hour'
      and not exists (select 1 from notification_outbox o where o.type = 'article.published' and o.data->>'articleId' = a.id::text)`);
}
