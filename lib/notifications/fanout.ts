// Turns outbox events into reader notifications, thread follows and webhook deliveries (issue 16).
// Runs off the request path in whichever instance takes a batch first: the batch's events are locked
// FOR UPDATE SKIP LOCKED and marked processed in the same transaction that writes their notifications,
// and notifications are unique per (event, reader): each event fans out exactly once. The mail and
// webhook jobs for what was written are queued after the commit (queue.ts); a periodic sweep queues
// any that a crash between the commit and the queueing left behind.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type NotificationKind,
  notificationOutbox,
  notifications,
  threadFollows,
  webhookDeliveries,
  webhooks,
} from "@/db/schema";
import { rowsOf, type Tx } from "@/lib/db";
import { MAX_NOTIFIED_MENTIONS, mentionedHandles, resolveHandles } from "./mentions";
import type { OutboxEvent } from "./outbox";
import { categoryOf, DEFAULT_PREFS, type PrefValue } from "./prefs";
import { type WebhookEvent, webhookPayload } from "./webhook-events";

export interface FanoutResult {
  events: number;
  /** notifications whose mail should be sent now */
  mail: string[];
  /** readers whose unread count changed */
  users: string[];
  deliveries: string[];
}

interface CommentInfo {
  id: string;
  status: string;
  author_id: string | null;
  author_name: string | null;
  parent_id: string | null;
  root_id: string | null;
  body: string;
  slug: string;
  title: string;
  parent_author_id: string | null;
  root_author_id: string | null;
  created_at: string | Date;
}

async function commentInfo(tx: Tx, id: string): Promise<CommentInfo | null> {
  const [c] = await rowsOf<CommentInfo>(
    tx,
    sql`select c.id, c.status, c.author_id, u.name as author_name, c.parent_id, c.root_id, c.body, a.slug,
          a.title, p.author_id as parent_author_id, r.author_id as root_author_id, c.created_at
        from comments c join articles a on a.id = c.article_id left join users u on u.id = c.author_id
          left join comments p on p.id = c.parent_id left join comments r on r.id = c.root_id
        where c.id = ${id}`,
  );
  return c ?? null;
}

export function excerpt(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function commentPath(slug: string, id: string): string {
  return `/articles/${slug}/comments/${id}`;
}

interface Pending {
  userId: string;
  kind: NotificationKind;
  commentId: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** Fans out up to `limit` unprocessed events; answers what to queue. Safe to run in every instance. */
export async function processOutbox(db: Db, limit = 200): Promise<FanoutResult> {
  return db.transaction(async (tx) => {
    const events = await rowsOf<{
      id: string | number;
      type: string;
      comment_id: string | null;
      data: unknown;
    }>(
      tx,
      sql`select id, type, comment_id, data from notification_outbox where processed_at is null
          order by id limit ${limit} for update skip locked`,
    );
    const out: FanoutResult = { events: events.length, mail: [], users: [], deliveries: [] };
    if (!events.length) return out;
    const hooks = await tx.select().from(webhooks).where(eq(webhooks.active, true));
    const users = new Set<string>();
    for (const raw of events) {
      const eventId = Number(raw.id);
      const data = (typeof raw.data === "string" ? JSON.parse(raw.data) : raw.data) as Record<
        string,
        unknown
      >;
      const e = { type: raw.type, commentId: raw.comment_id ?? undefined, data } as OutboxEvent;
      const { items, hookEvents, withdraw } = await plan(tx, e);
      if (withdraw) {
        const gone = await tx
          .delete(notifications)
          .where(
            and(
              eq(notifications.commentId, withdraw),
              isNull(notifications.readAt),
              inArray(notifications.kind, ["reply", "mention", "follow"]),
            ),
          )
          .returning({ userId: notifications.userId });
        for (const g of gone) users.add(g.userId);
      }
      if (items.length) {
        const prefs = await prefsOf(
          tx,
          items.map((i) => i.userId),
        );
        const rows = await tx
          .insert(notifications)
          .values(
            items.map((i) => {
              const p = prefs.get(i.userId);
              const want: PrefValue = p?.email ? p.prefs[categoryOf(i.kind)] : "off";
              return {
                userId: i.userId,
                kind: i.kind,
                eventId,
                commentId: i.commentId,
                actorId: i.actorId,
                data: i.data,
                mailState: want === "immediately" ? "pending" : want === "digest" ? "digest" : "none",
              };
            }),
          )
          .onConflictDoNothing()
          .returning({
            id: notifications.id,
            userId: notifications.userId,
            mailState: notifications.mailState,
          });
        for (const r of rows) {
          users.add(r.userId);
          if (r.mailState === "pending") out.mail.push(r.id);
        }
      }
      for (const { event, payload } of hookEvents) {
        const targets = hooks.filter((h) => h.events.includes(event));
        if (!targets.length) continue;
        const rows = await tx
          .insert(webhookDeliveries)
          .values(targets.map((h) => ({ webhookId: h.id, event, payload })))
          .returning({ id: webhookDeliveries.id });
        out.deliveries.push(...rows.map((r) => r.id));
      }
    }
    await tx
      .update(notificationOutbox)
      .set({ processedAt: new Date() })
      .where(
        inArray(
          notificationOutbox.id,
          events.map((e) => Number(e.id)),
        ),
      );
    out.users = [...users];
    return out;
  });
}

async function prefsOf(tx: Tx, ids: string[]) {
  const rows = await rowsOf<{
    id: string;
    email: string | null;
    replies: string | null;
    mentions: string | null;
    decisions: string | null;
    follows: string | null;
  }>(
    tx,
    sql`select u.id, case when u.deleted_at is null then u.email end as email, p.replies, p.mentions, p.decisions, p.follows
        from users u left join notification_prefs p on p.user_id = u.id
        where u.id in (${sql.join(
          [...new Set(ids)].map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        email: r.email,
        prefs: {
          replies: (r.replies ?? DEFAULT_PREFS.replies) as PrefValue,
          mentions: (r.mentions ?? DEFAULT_PREFS.mentions) as PrefValue,
          decisions: (r.decisions ?? DEFAULT_PREFS.decisions) as PrefValue,
          follows: (r.follows ?? DEFAULT_PREFS.follows) as PrefValue,
        },
      },
    ]),
  );
}

interface Plan {
  items: Pending[];
  hookEvents: Array<{ event: WebhookEvent; payload: Record<string, unknown> }>;
  /** a comment whose unread reply/mention/follow notifications are withdrawn */
  withdraw?: string;
}

async function plan(tx: Tx, e: OutboxEvent): Promise<Plan> {
  const p: Plan = { items: [], hookEvents: [] };
  if (e.type === "poll.closed" || e.type === "article.published") {
    p.hookEvents.push({ event: e.type, payload: webhookPayload(e.type, e.data) });
    return p;
  }
  if (e.type === "comment.deleted") return { ...p, withdraw: e.commentId };
  const c = await commentInfo(tx, e.commentId);
  if (!c) return p;
  const common = {
    slug: c.slug,
    articleTitle: c.title,
    excerpt: excerpt(c.body),
    url: commentPath(c.slug, c.id),
  };
  const toAuthor = (kind: NotificationKind, extra: Record<string, unknown> = {}) => {
    if (c.author_id)
      p.items.push({
        userId: c.author_id,
        kind,
        commentId: c.id,
        actorId: null,
        data: { ...common, ...extra },
      });
  };
  const hookComment = () => ({
    comment: {
      id: c.id,
      articleSlug: c.slug,
      parentId: c.parent_id,
      status: c.status,
      authorName: c.author_name,
      excerpt: common.excerpt,
      url: common.url,
      createdAt: new Date(c.created_at).toISOString(),
    },
  });
  switch (e.type) {
    case "comment.created":
      p.hookEvents.push({
        event: "comment.created",
        payload: webhookPayload("comment.created", hookComment()),
      });
      if (e.data.status === "approved") {
        p.hookEvents.push({
          event: "comment.approved",
          payload: webhookPayload("comment.approved", hookComment()),
        });
        if (c.status === "approved") await published(tx, c, common, p);
      }
      break;
    case "comment.status": {
      const { from, to, reason } = e.data;
      if (to === "approved") {
        p.hookEvents.push({
          event: "comment.approved",
          payload: webhookPayload("comment.approved", hookComment()),
        });
        if (from === "pending") toAuthor("approved");
        if (c.status === "approved") await published(tx, c, common, p);
      } else {
        if (to === "rejected" || to === "spam") {
          p.hookEvents.push({
            event: "comment.rejected",
            payload: webhookPayload("comment.rejected", { ...hookComment(), reason: reason ?? null }),
          });
          toAuthor("rejected", { reason: reason ?? null });
        } else if (to === "deleted") toAuthor("removed", { reason: reason ?? null });
        if (from === "approved") p.withdraw = c.id;
      }
      break;
    }
    case "comment.flag":
      if (e.data.on) toAuthor(e.data.flag);
      break;
    case "appeal.decided":
      toAuthor("appeal", { outcome: e.data.outcome, note: e.data.note ?? null });
      break;
    case "comment.reported":
      p.hookEvents.push({
        event: "comment.reported",
        payload: webhookPayload("comment.reported", { ...hookComment(), reason: e.data.reason ?? null }),
      });
      break;
  }
  return p;
}

/** A comment became public: its parent's author, up to 5 mentioned readers and the thread's followers. */
async function published(tx: Tx, c: CommentInfo, common: Record<string, unknown>, p: Plan): Promise<void> {
  const seen = new Set<string>(c.author_id ? [c.author_id] : []);
  const add = (userId: string | null, kind: NotificationKind) => {
    if (!userId || seen.has(userId)) return;
    seen.add(userId);
    p.items.push({
      userId,
      kind,
      commentId: c.id,
      actorId: c.author_id,
      data: { ...common, actorName: c.author_name },
    });
  };
  if (c.parent_id) add(c.parent_author_id, "reply");
  const handles = mentionedHandles(c.body).slice(0, MAX_NOTIFIED_MENTIONS);
  if (handles.length) {
    const found = await resolveHandles(tx, handles);
    for (const h of handles) add(found.get(h) ?? null, "mention");
  }
  const root = c.root_id ?? c.id;
  if (c.parent_id) {
    const followers = await tx
      .select({ userId: threadFollows.userId })
      .from(threadFollows)
      .where(and(eq(threadFollows.rootId, root), eq(threadFollows.active, true)));
    for (const f of followers) add(f.userId, "follow");
  }
  // automatic follows: the thread's author and everyone who replies in it (an explicit unfollow stays)
  const auto = [c.author_id, c.root_author_id].filter((x): x is string => Boolean(x));
  if (auto.length)
    await tx
      .insert(threadFollows)
      .values([...new Set(auto)].map((userId) => ({ userId, rootId: root })))
      .onConflictDoNothing();
}
