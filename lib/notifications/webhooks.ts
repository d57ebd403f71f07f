// Webhooks for the newsroom's own systems (issue 16): admins register endpoints (URL, events, secret);
// deliveries go through the job queue with a JSON body signed as
//   X-Agora-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
// (receivers recompute it and refuse timestamps more than 5 minutes away: the replay window). Retries
// back off exponentially for 24 h; an endpoint failing for 24 h is disabled and the dashboard says so.
// Redirects are not followed, a request times out after 5 s, and at most 1 KB of a response is kept.
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { isUuid } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { BlockedTargetError, checkTarget, guardedLookup } from "./ssrf";
import { WEBHOOK_EVENTS, webhookPayload } from "./webhook-events";

export const REPLAY_WINDOW_SECONDS = 300;
export const RETRY_WINDOW_MS = 24 * 3600 * 1000;
export const TIMEOUT_MS = 5000;
export const MAX_RESPONSE_BYTES = 1024;

export const webhookInput = z
  .object({
    url: z.string({ error: "url is required" }).max(2000, "at most 2000 characters"),
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { error: `each must be one of ${WEBHOOK_EVENTS.join(", ")}` }))
      .min(1, "choose at least one event"),
    secret: z.string().min(16, "at least 16 characters").max(200, "at most 200 characters").optional(),
    name: z.string().max(100, "at most 100 characters").optional(),
  })
  .strict();

export const webhookPatch = z
  .object({
    url: webhookInput.shape.url.optional(),
    events: webhookInput.shape.events.optional(),
    name: webhookInput.shape.name,
    active: z.boolean({ error: "active must be true or false" }).optional(),
  })
  .strict();

type Hook = typeof webhooks.$inferSelect;

export function publicHook(h: Hook) {
  return {
    id: h.id,
    name: h.name,
    url: h.url,
    events: h.events,
    active: h.active,
    secretHint: `${h.secret.slice(0, 6)}…`,
    failingSince: h.failingSince,
    disabledAt: h.disabledAt,
    disabledReason: h.disabledReason,
    createdAt: h.createdAt,
  };
}

async function checkedUrl(url: string): Promise<string> {
  try {
    return (await checkTarget(url)).toString();
  } catch (e) {
    if (e instanceof BlockedTargetError)
      throw new Invalid(
        "url",
        msg("Api.notifications.webhookTargetRefused", { message: e.message }),
        "webhook_target_refused",
      );
    throw e;
  }
}

export async function listWebhooks(db: Db) {
  return (await listWebhooksRaw(db)).map((h) => ({ ...h }));
}

/** Endpoints without their secrets (dates as Date). */
export async function listWebhooksRaw(db: Db) {
  const rows = await db.select().from(webhooks).orderBy(desc(webhooks.createdAt));
  return rows.map(publicHook);
}

/** Creates an endpoint; the answer carries the secret once (generated when none was given). */
export async function createWebhook(db: Db, input: z.infer<typeof webhookInput>, actorId: string) {
  const url = await checkedUrl(input.url);
  const secret = input.secret ?? `whsec_${randomBytes(24).toString("base64url")}`;
  const [h] = await db
    .insert(webhooks)
    .values({ url, events: [...new Set(input.events)], secret, name: input.name ?? "", createdBy: actorId })
    .returning();
  return { ...publicHook(h), secret };
}

async function findHook(db: Db, id: string): Promise<Hook> {
  const missing = new NotFound(msg("Api.notifications.noWebhookWithId", { id: id.slice(0, 60) }));
  if (!isUuid(id)) throw missing;
  const [h] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  if (!h) throw missing;
  return h;
}

export async function updateWebhook(db: Db, id: string, patch: z.infer<typeof webhookPatch>) {
  await findHook(db, id);
  const set: Partial<typeof webhooks.$inferInsert> = {};
  if (patch.url !== undefined) set.url = await checkedUrl(patch.url);
  if (patch.events) set.events = [...new Set(patch.events)];
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.active !== undefined) {
    set.active = patch.active;
    if (patch.active) Object.assign(set, { disabledAt: null, disabledReason: null, failingSince: null });
  }
  const [h] = await db.update(webhooks).set(set).where(eq(webhooks.id, id)).returning();
  return publicHook(h);
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await findHook(db, id);
  await db.delete(webhooks).where(eq(webhooks.id, id));
}

export async function listDeliveries(db: Db, id: string, limit = 50) {
  await findHook(db, id);
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseCode: webhookDeliveries.responseCode,
      responseBody: webhookDeliveries.responseBody,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

/** Queues a "test" delivery to one endpoint (whatever events it subscribes to); answers its id. */
export async function createTestDelivery(db: Db, id: string): Promise<string> {
  const h = await findHook(db, id);
  const [d] = await db
    .insert(webhookDeliveries)
    .values({
      webhookId: h.id,
      event: "test",
      payload: webhookPayload("test", { message: "A test event from Agora: your endpoint is reachable." }),
    })
    .returning({ id: webhookDeliveries.id });
  return d.id;
}

export function signature(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** Receiver side (for tests and documentation): true when the signature is valid and fresh. */
export function verifySignature(secret: string, body: string, header: string, now = Date.now()): boolean {
  const t = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!t || !v1 || Math.abs(now / 1000 - t) > REPLAY_WINDOW_SECONDS) return false;
  return signature(secret, body, t) === `t=${t},v1=${v1}`;
}

interface Attempt {
  status?: number;
  body?: string;
  error?: string;
}

/** One POST: no redirects followed, 5 s timeout, at most 1 KB of the answer read. */
export async function postSigned(url: string, secret: string, event: string, body: string): Promise<Attempt> {
  let u: URL;
  try {
    u = await checkTarget(url);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const mod = u.protocol === "https:" ? https : http;
  return new Promise<Attempt>((resolve) => {
    let done = false;
    const finish = (a: Attempt) => {
      if (!done) {
        done = true;
        resolve(a);
      }
    };
    const req = mod.request(
      u,
      {
        method: "POST",
        lookup: guardedLookup as never,
        timeout: TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "user-agent": "Agora-Webhooks/1",
          "x-agora-event": event,
          "x-agora-signature": signature(secret, body),
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(c.subarray(0, MAX_RESPONSE_BYTES - size));
          size += c.length;
          if (size >= MAX_RESPONSE_BYTES) res.destroy();
        });
        const end = () =>
          finish({
            status: res.statusCode,
            body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_RESPONSE_BYTES),
          });
        res.on("end", end);
        res.on("close", end);
        res.on("error", end);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error("timed out after 5 s"));
    }, TIMEOUT_MS);
    req.on("timeout", () => req.destroy(new Error("timed out after 5 s")));
    req.on("error", (e) => finish({ error: e.message.slice(0, 300) }));
    req.on("close", () => clearTimeout(timer));
    req.end(body);
  });
}

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "skipped";

/**
 * Attempts one delivery. 2xx = delivered. Otherwise "retry" (the queue tries again with exponential
 * backoff) until the delivery is 24 h old, then "failed"; an endpoint whose failures have lasted 24 h is
 * disabled. Redirects (3xx) count as failures.
 */
export async function attemptDelivery(db: Db, deliveryId: string): Promise<DeliveryOutcome> {
  const [row] = await db
    .select({ d: webhookDeliveries, h: webhooks })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.d.status === "delivered" || row.d.status === "failed") return "skipped";
  if (!row.h.active && row.d.event !== "test") {
    await db
      .update(webhookDeliveries)
      .set({ status: "failed", error: "endpoint disabled" })
      .where(eq(webhookDeliveries.id, deliveryId));
    return "failed";
  }
  const body = JSON.stringify(row.d.payload);
  const a = await postSigned(row.h.url, row.h.secret, row.d.event, body);
  const ok = a.status !== undefined && a.status >= 200 && a.status < 300;
  const now = new Date();
  const expired = now.getTime() - row.d.createdAt.getTime() >= RETRY_WINDOW_MS;
  const status = ok ? "delivered" : expired ? "failed" : "retrying";
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseCode: a.status ?? null,
      responseBody: a.body ?? null,
      error: ok
        ? null
        : (a.error ??
          (a.status && a.status >= 300 && a.status < 400
            ? `redirect (${a.status}) not followed`
            : `HTTP ${a.status}`)),
      lastAttemptAt: now,
      deliveredAt: ok ? now : null,
    })
    .where(eq(webhookDeliveries.id, deliveryId));
  if (ok) {
    if (row.h.failingSince)
      await db.update(webhooks).set({ failingSince: null }).where(eq(webhooks.id, row.h.id));
    return "delivered";
  }
  await db
    .update(webhooks)
    .set({ failingSince: sql`coalesce(${webhooks.failingSince}, now())` })
    .where(eq(webhooks.id, row.h.id));
  await db
    .update(webhooks)
    .set({ active: false, disabledAt: now, disabledReason: "every delivery failed for 24 hours" })
    .where(
      and(
        eq(webhooks.id, row.h.id),
        eq(webhooks.active, true),
        sql`${webhooks.failingSince} <= now() - interval '24 hours'`,
      ),
    );
  return expired ? "failed" : "retry";
}

/** For the dashboard: endpoints disabled after 24 h of failures. */
export async function disabledWebhooks(db: Db) {
  return db
    .select({ id: webhooks.id, name: webhooks.name, url: webhooks.url, disabledAt: webhooks.disabledAt })
    .from(webhooks)
    .where(and(eq(webhooks.active, false), sql`${webhooks.disabledAt} is not null`));
}
