// Tables of the publisher doors (issue 17): comments imported from Disqus/WordPress, threads for pages
// Agora does not host (the embed), and the background import jobs of the admin panel.
import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { articles, users } from "./core";

/**
 * What an import created for each foreign record: (source, scope, kind, external id) → our row. It is
 * what makes an import idempotent: a record already here is skipped (or updated), never added twice.
 * `scope` is the exporting site (the Disqus forum, the WordPress site URL) so two sites' ids never meet.
 */
export const importedItems = pgTable(
  "imported_items",
  {
    source: text("source", { enum: ["disqus", "wordpress"] }).notNull(),
    scope: text("scope").notNull(),
    kind: text("kind", { enum: ["category", "thread", "post", "user"] }).notNull(),
    externalId: text("external_id").notNull(),
    localId: text("local_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.scope, t.kind, t.externalId] }),
    index("imported_items_local_idx").on(t.localId),
  ],
);

/**
 * A discussion for a page on another site, keyed by (origin, identifier). Its comments, polls, counts
 * and moderation are those of an ordinary article row (kind "external", never listed on the front page),
 * so every comment feature works on it unchanged.
 */
export const externalThreads = pgTable(
  "external_threads",
  {
    origin: text("origin").notNull(),
    identifier: text("identifier").notNull(),
    articleId: uuid("article_id")
      .notNull()
      .unique()
      .references(() => articles.id, { onDelete: "cascade" }),
    url: text("url"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.origin, t.identifier] })],
);

/** An import started from the admin panel: runs in the background, its progress read by the page. */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    format: text("format", { enum: ["disqus", "wordpress"] }).notNull(),
    fileName: text("file_name").notNull(),
    filePath: text("file_path").notNull(),
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    totalBytes: bigint("total_bytes", { mode: "number" }).notNull().default(0),
    readBytes: bigint("read_bytes", { mode: "number" }).notNull().default(0),
    /** the running report: per kind imported/updated/skipped (with reasons) */
    report: jsonb("report").notNull().default(sql`'{}'::jsonb`),
    error: text("error"),
    startedBy: text("started_by"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("import_jobs_created_idx").on(t.createdAt)],
);

/**
 * Signing in inside an embed frame on another site (lib/embed/session.ts): the first-party sign-in popup
 * leaves the session's cookies here under a one-time key the frame made; the frame takes them within two
 * minutes as its own partitioned (CHIPS) cookies. Only the key's hash is stored; a row is deleted when used.
 */
export const embedHandoffs = pgTable("embed_handoffs", {
  keyHash: text("key_hash").primaryKey(),
  cookies: jsonb("cookies").$type<{ name: string; value: string }[]>().notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
});

/**
 * An account an import made for a foreign author (docs/decisions/123-claiming-imported-accounts.md). It
 * has no e-mail and no password, so it can never sign in; `emailHash` (SHA-256 of the lower-cased address,
 * when the export had one) lets the person claim it: a reader whose verified address has this hash gets a
 * one-time link by mail, and following it moves the account's comments and votes to the reader's account.
 * `claimedBy`/`claimedAt` are set once, in that transaction: a claimed account cannot be claimed again.
 */
export const importedAccounts = pgTable(
  "imported_accounts",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["disqus", "wordpress"] }).notNull(),
    scope: text("scope").notNull(),
    emailHash: text("email_hash"),
    claimedBy: text("claimed_by").references(() => users.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("imported_accounts_email_idx").on(t.emailHash)],
);
