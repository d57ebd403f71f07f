// Delivery on pg-boss (docs/decisions/100-notification-outbox-and-queue.md). Every instance runs the same workers
// against the one database; pg-boss hands each job to one worker (FOR UPDATE SKIP LOCKED), retries
// with exponential backoff and keeps failed jobs with their error (shown on the admin dashboard).
// PostgreSQL: pg-boss has its own small pool (DATABASE_URL). PGlite: pg-boss runs its SQL through the
// process's one PGlite instance (pg-boss's `db` adapter), so the embedded default needs no socket.
// pg-boss creates and migrates its own tables in the schema `pgboss` at start (its versioned migrations).
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { log } from "@/lib/log";
import { processOutbox } from "./fanout";
import { sendDigests, sendNotificationMail } from "./mail";
import { recordTimedEvents } from "./outbox";
import { attemptDelivery } from "./webhooks";

export const Q = {
  mail: "notify-mail",
  webhook: "webhook-deliver",
  digest: "notify-digest",
  sweep: "notify-sweep",
} as const;

export interface NotifierOptions {
  db: Db;
  kind: "postgres" | "pglite";
  url?: string;
  pglite?: PGlite;
  /** run workers (false: only queue jobs, e.g. a tool) */
  work?: boolean;
  /** run the cron schedules (digest, sweep) */
  schedule?: boolean;
  /** called with readers whose unread count changed */
  onUnread?: (userIds: string[]) => void;
  pollingIntervalSeconds?: number;
  batchSize?: number;
}

export interface Notifier {
  boss: PgBoss;
  /** fans out waiting outbox events now (also called on every outbox NOTIFY) */
  drain(): Promise<void>;
  /** re-queues mail and webhook jobs that a crash left behind, then drains */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export function pgliteAdapter(pg: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      if (values?.length) return (await pg.query(text, values)) as { rows: unknown[] };
      const r = await pg.exec(text);
      return (r[r.length - 1] ?? { rows: [] }) as { rows: unknown[] };
    },
  };
}

/**
 * Instances starting at the same moment can deadlock inside pg-boss's queue and schedule set-up (both
 * insert the same rows and create a queue's partition); the loser runs it again.
 */
async function startupRetry(fn: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fn();
      return;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= 8 || (code !== "40P01" && code !== "23505" && code !== "42P07")) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}

function ensureQueue(boss: PgBoss, q: PgBoss.Queue): Promise<void> {
  return startupRetry(async () => {
    if (!(await boss.getQueue(q.name))) await boss.createQueue(q.name, q);
  });
}

export async function createNotifier(o: NotifierOptions): Promise<Notifier> {
  const boss =
    o.kind === "pglite"
      ? new PgBoss({ db: pgliteAdapter(o.pglite!), schedule: o.schedule ?? true, supervise: true })
      : new PgBoss({
          connectionString: o.url!,
          max: Number(process.env.AGORA_QUEUE_POOL_MAX || 2),
          schedule: o.schedule ?? true,
          application_name: "agora-queue",
        });
  boss.on("error", (e) => log.warn({ err: (e as Error).message }, "job queue error"));
  await boss.start();
  await ensureQueue(boss, {
    name: Q.mail,
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  // 60 s doubling: attempt 11 falls after ~17 h, attempt 12 after ~34 h; attemptDelivery stops at 24 h
  await ensureQueue(boss, {
    name: Q.webhook,
    retryLimit: 12,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 60,
  });
  await ensureQueue(boss, { name: Q.digest, retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await ensureQueue(boss, { name: Q.sweep, retryLimit: 0 });
  const db = o.db;
  const workers: Partial<Record<keyof typeof Q, string>> = {};
  let draining: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function enqueue(mail: string[], deliveries: string[]) {
    if (mail.length) await boss.insert(mail.map((id) => ({ name: Q.mail, data: { id } })));
    if (deliveries.length) await boss.insert(deliveries.map((id) => ({ name: Q.webhook, data: { id } })));
    if (mail.length && workers.mail) boss.notifyWorker(workers.mail);
    if (deliveries.length && workers.webhook) boss.notifyWorker(workers.webhook);
  }

  async function drainOnce(): Promise<void> {
    for (;;) {
      const r = await processOutbox(db);
      if (!r.events) return;
      await enqueue(r.mail, r.deliveries);
      if (r.users.length) o.onUnread?.(r.users);
    }
  }

  function drain(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      try {
        do {
          again = false;
          await drainOnce();
        } while (again);
      } catch (e) {
        log.warn({ err: (e as Error).message }, "notification fan-out failed; the sweep retries it");
      } finally {
        draining = null;
      }
    })();
    return draining;
  }

  async function sweep(): Promise<void> {
    const { sql } = await import("drizzle-orm");
    const { rowsOf } = await import("@/lib/db");
    // a crash between a fan-out's commit and its queueing, or during a send, leaves rows behind
    await db.execute(
      sql`update notifications set mail_state = 'pending', mailed_at = null
          where mail_state = 'sending' and mailed_at < now() - interval '10 minutes'`,
    );
    const mail = await rowsOf<{ id: string }>(
      db,
      sql`select id from notifications where mail_state = 'pending' and created_at < now() - interval '10 minutes'
          and not exists (select 1 from pgboss.job j where j.name = ${Q.mail} and j.data->>'id' = notifications.id::text
            and j.state in ('created', 'retry', 'active'))
          limit 1000`,
    );
    const hooks = await rowsOf<{ id: string }>(
      db,
      sql`select id from webhook_deliveries d where status = 'pending' and created_at < now() - interval '10 minutes'
          and not exists (select 1 from pgboss.job j where j.name = ${Q.webhook} and j.data->>'id' = d.id::text)
          limit 1000`,
    );
    await enqueue(
      mail.map((r) => r.id),
      hooks.map((r) => r.id),
    );
    await recordTimedEvents(db);
    await drain();
  }

  if (o.work !== false) {
    const polling = { pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2, batchSize: o.batchSize ?? 20 };
    // a full batch means more are waiting: fetch again at once instead of sleeping out the interval
    const more = (w: keyof typeof Q, n: number) => {
      if (n >= polling.batchSize && workers[w]) boss.notifyWorker(workers[w]);
    };
    workers.mail = await boss.work<{ id: string }>(Q.mail, polling, async (jobs) => {
      more("mail", jobs.length);
      const failed: string[] = [];
      let lastError = "";
      await Promise.all(
        jobs.map(async (j) => {
          try {
            await sendNotificationMail(db, j.data.id);
          } catch (e) {
            failed.push(j.id);
            lastError = (e as Error).message;
          }
        }),
      );
      for (const id of failed) await boss.fail(Q.mail, id, { message: lastError });
    });
    workers.webhook = await boss.work<{ id: string }>(Q.webhook, polling, async (jobs) => {
      more("webhook", jobs.length);
      const retry: string[] = [];
      const errors: string[] = [];
      await Promise.all(
        jobs.map(async (j) => {
          try {
            if ((await attemptDelivery(db, j.data.id)) === "retry") retry.push(j.id);
          } catch (e) {
            retry.push(j.id);
            errors.push((e as Error).message);
          }
        }),
      );
      for (const id of retry)
        await boss.fail(Q.webhook, id, { message: errors[0] ?? "delivery failed; retrying" });
    });
    await boss.work(Q.digest, async () => {
      const n = await sendDigests(db);
      if (n) log.info({ digests: n }, "notification digests sent");
    });
    await boss.work(Q.sweep, async () => {
      await sweep();
    });
  }
  if (o.schedule !== false) {
    await startupRetry(() => boss.schedule(Q.digest, process.env.AGORA_NOTIFY_DIGEST_CRON || "0 * * * *"));
    await startupRetry(() => boss.schedule(Q.sweep, "* * * * *"));
  }
  void drain();
  return {
    boss,
    drain,
    sweep,
    async stop() {
      stopped = true;
      await draining;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
