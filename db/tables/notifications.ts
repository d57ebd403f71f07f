// Notifications (issue 16): the outbox of domain events (written in the same transaction as the change),
// one row per reader notification, e-mail preferences, thread follows, and webhooks with their delivery
// log. Delivery itself runs on pg-boss, whose tables live in its own schema `pgboss` (decision 100).
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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { comments, users } from "./core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Domain events, one insert each, in the transaction of the change; fanned out once (processed_at). */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: text("type").notNull(),
    commentId: uuid("comment_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
    processedAt: ts("processed_at"),
  },
  (t) => [index("notification_outbox_pending_idx").on(t.id).where(sql`${t.processedAt} is null`)],
);

export const NOTIFICATION_KINDS = [
  "reply",
  "mention",
  "follow",
  "approved",
  "rejected",
  "removed",
  "appeal",
  "featured",
  "pinned",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One item per event and reader. mail_state: none (no mail wanted) | pending (a mail job is queued) |
 * sending | sent | digest (waits for the next digest) | withdrawn (the comment went away first).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    actorId: text("actor_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
    readAt: ts("read_at"),
    mailState: text("mail_state").notNull().default("none"),
    mailedAt: ts("mailed_at"),
  },
  (t) => [
    uniqueIndex("notifications_event_user_idx").on(t.eventId, t.userId),
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_comment_idx").on(t.commentId),
    index("notifications_mail_idx")
      .on(t.mailState, t.userId)
      .where(sql`${t.mailState} in ('pending', 'digest')`),
    index("notifications_mailed_idx").on(t.userId, t.mailedAt).where(sql`${t.mailedAt} is not null`),
  ],
);

/** Per-kind e-mail preferences; no row = the defaults (replies, mentions, decisions immediately; follows off). */
export const notificationPrefs = pgTable("notification_prefs", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  replies: text("replies").notNull().default("immediately"),
  mentions: text("mentions").notNull().default("immediately"),
  decisions: text("decisions").notNull().default("immediately"),
  follows: text("follows").notNull().default("off"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Who follows which thread (root comment): automatic for its author and repliers; active=false = muted. */
export const threadFollows = pgTable(
  "thread_follows",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rootId: uuid("root_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    active: boolean("active").notNull().default(true),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.rootId] }), index("thread_follows_root_idx").on(t.rootId)],
);

export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().default(""),
  url: text("url").notNull(),
  events: jsonb("events").$type<string[]>().notNull(),
  secret: text("secret").notNull(),
  active: boolean("active").notNull().default(true),
  /** first failure of the current run of failures; 24 h of them disable the endpoint */
  failingSince: ts("failing_since"),
  disabledAt: ts("disabled_at"),
  disabledReason: text("disabled_reason"),
  createdBy: text("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** pending | delivered | retrying | failed */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseCode: integer("response_code"),
    responseBody: text("response_body"),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastAttemptAt: ts("last_attempt_at"),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [index("webhook_deliveries_hook_idx").on(t.webhookId, t.createdAt)],
);
