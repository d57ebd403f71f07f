// What admins see of delivery: failed jobs (pg-boss keeps them with their error) and the test event.
import { sql } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { rowsOf } from "@/lib/db";
import { Q } from "./queue";
import { currentNotifier } from "./service";
import { createTestDelivery, disabledWebhooks, listWebhooksRaw } from "./webhooks";

export interface FailedJob {
  id: string;
  queue: string;
  data: unknown;
  error: string | null;
  retries: number;
  failedAt: string | null;
}

/** Jobs that failed for good (retries used up), newest first; count over all of them. */
export async function failedJobs(db: Db, limit = 50): Promise<{ count: number; jobs: FailedJob[] }> {
  try {
    const [{ n }] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from pgboss.job where state = 'failed'`,
    );
    const rows = await rowsOf<{
      id: string;
      name: string;
      data: unknown;
      output: { message?: string } | null;
      retry_count: number;
      completed_on: string | Date | null;
    }>(
      db,
      sql`select id, name, data, output, retry_count, completed_on from pgboss.job where state = 'failed'
          order by completed_on desc nulls last limit ${limit}`,
    );
    return {
      count: Number(n),
      jobs: rows.map((r) => ({
        id: r.id,
        queue: r.name,
        data: r.data,
        error: (r.output && typeof r.output === "object" ? r.output.message : null) ?? null,
        retries: Number(r.retry_count),
        failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
      })),
    };
  } catch {
    // the queue's tables do not exist until pg-boss has started once
    return { count: 0, jobs: [] };
  }
}

export async function queueTestDelivery(db: Db, webhookId: string): Promise<string> {
  const id = await createTestDelivery(db, webhookId);
  const n = await currentNotifier();
  if (n) await n.boss.send(Q.webhook, { id });
  return id;
}

/** For the dashboard: failed jobs and endpoints disabled after 24 h of failures. */
export async function deliveryHealth(db: Db) {
  const [{ count }, disabled] = await Promise.all([failedJobs(db, 0), disabledWebhooks(db)]);
  return { failedJobs: count, disabledWebhooks: disabled };
}

export async function deliveryHealthNow() {
  return deliveryHealth(await getDb());
}

/** The admin webhooks page: endpoints and failed jobs. */
export async function adminDeliveryPage() {
  const db = await getDb();
  const [hooks, failed] = await Promise.all([listWebhooksRaw(db), failedJobs(db)]);
  return { hooks, failed };
}
