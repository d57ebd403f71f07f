// The six webhook events (issue 16) and the JSON body every delivery carries.
import { randomUUID } from "node:crypto";

export const WEBHOOK_EVENTS = [
  "comment.created",
  "comment.approved",
  "comment.rejected",
  "comment.reported",
  "poll.closed",
  "article.published",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function webhookPayload(
  event: WebhookEvent | "test",
  data: Record<string, unknown>,
): Record<string, unknown> {
  return { id: randomUUID(), event, createdAt: new Date().toISOString(), data };
}
