// Notifications in the OpenAPI document (issue 16): the reader's list and unread count, marking read,
// thread follows, mention autocomplete, one-click unsubscribe, and the admin webhooks and failed jobs.
import type { OpenApiFragment } from "./types";

const err = { $ref: "#/components/responses/Error" };
const ok = (description: string, schema: Record<string, unknown> = { type: "object" }) => ({
  description,
  content: { "application/json": { schema } },
});
const body = (schema: Record<string, unknown>) => ({
  required: true,
  content: { "application/json": { schema } },
});
const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const events = {
  type: "array",
  items: {
    enum: [
      "comment.created",
      "comment.approved",
      "comment.rejected",
      "comment.reported",
      "poll.closed",
      "article.published",
    ],
  },
};
const pref = { enum: ["immediately", "digest", "off"] };

export const notificationsFragment: OpenApiFragment = {
  schemas: {
    Notification: {
      type: "object",
      required: ["id", "kind", "read", "url"],
      properties: {
        id: { type: "string", format: "uuid" },
        kind: {
          enum: [
            "reply",
            "mention",
            "follow",
            "approved",
            "rejected",
            "removed",
            "appeal",
            "featured",
            "pinned",
          ],
        },
        read: { type: "boolean" },
        url: {
          type: "string",
          description: "The comment's permalink (site-relative)",
          example: "/articles/a-slug/comments/1b9d…",
        },
        text: { type: "string", example: "Ada replied to your comment on “Title”" },
        excerpt: { type: ["string", "null"] },
        commentId: { type: ["string", "null"] },
        articleSlug: { type: ["string", "null"] },
        reason: { type: ["string", "null"], description: "A moderator's reason (rejected, removed)" },
        createdAt: { type: "string", format: "date-time" },
        readAt: { type: ["string", "null"], format: "date-time" },
      },
    },
    NotifyPrefs: {
      type: "object",
      description:
        "E-mail per kind. Defaults: replies, mentions and decisions immediately; follows (new comments in followed threads) off.",
      properties: { replies: pref, mentions: pref, decisions: pref, follows: pref },
    },
    Webhook: {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        name: { type: "string" },
        url: { type: "string" },
        events,
        active: { type: "boolean" },
        secret: { type: "string", description: "Only in the answer to POST (shown once)" },
        secretHint: { type: "string" },
        failingSince: { type: ["string", "null"], format: "date-time" },
        disabledAt: { type: ["string", "null"], format: "date-time" },
        disabledReason: { type: ["string", "null"] },
      },
    },
  },
  paths: {
    "/notifications": {
      get: {
        summary: "The signed-in reader's notifications, newest first (one item per event)",
        parameters: [
          { name: "cursor", in: "query", schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "unread", in: "query", schema: { enum: ["1", "true"] } },
        ],
        responses: {
          "200": ok("A page", {
            type: "object",
            properties: {
              notifications: { type: "array", items: { $ref: "#/components/schemas/Notification" } },
              unread: { type: "integer" },
              nextCursor: { type: ["string", "null"] },
            },
          }),
          "401": err,
          "422": err,
        },
      },
    },
    "/notifications/read": {
      post: {
        summary: "Mark notifications read: {ids: [...]} or {all: true}",
        requestBody: body({
          oneOf: [
            {
              type: "object",
              required: ["ids"],
              properties: { ids: { type: "array", items: { type: "string" } } },
            },
            { type: "object", required: ["all"], properties: { all: { const: true } } },
          ],
        }),
        responses: {
          "200": ok("Marked", {
            type: "object",
            properties: { marked: { type: "integer" }, unread: { type: "integer" } },
          }),
          "401": err,
          "403": err,
          "422": err,
        },
      },
    },
    "/notifications/unread": {
      get: {
        summary: "The bell: the unread count ({unread: null} when not signed in)",
        responses: {
          "200": ok("Count", { type: "object", properties: { unread: { type: ["integer", "null"] } } }),
        },
      },
    },
    "/notifications/unsubscribe/{token}": {
      get: {
        summary: "Opens the confirmation page (303)",
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        responses: { "303": { description: "To /unsubscribe/{token}" } },
      },
      post: {
        summary:
          "RFC 8058 one-click unsubscribe: body List-Unsubscribe=One-Click; no cookie or Origin needed (the signed token authenticates)",
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } } },
        responses: {
          "200": ok("Turned off", {
            type: "object",
            properties: { category: { type: "string" }, value: pref },
          }),
          "403": err,
        },
      },
    },
    "/comments/{id}/follow": {
      get: {
        summary: "Whether I follow this comment's thread",
        parameters: [id],
        responses: { "200": ok("State"), "401": err },
      },
      put: {
        summary: "Follow or mute the thread (authors and repliers follow automatically)",
        parameters: [id],
        requestBody: body({
          type: "object",
          required: ["follow"],
          properties: { follow: { type: "boolean" } },
        }),
        responses: { "200": ok("Saved"), "401": err, "404": err, "422": err },
      },
    },
    "/mentions": {
      get: {
        summary: "Readers whose @handle starts with q (comment-form autocomplete)",
        parameters: [{ name: "q", in: "query", required: true, schema: { type: "string", maxLength: 30 } }],
        responses: {
          "200": ok("Readers", { type: "object", properties: { readers: { type: "array" } } }),
          "401": err,
        },
      },
    },
    "/admin/webhooks": {
      get: {
        summary: "Webhook endpoints (admins)",
        responses: {
          "200": ok("List", {
            type: "object",
            properties: { webhooks: { type: "array", items: { $ref: "#/components/schemas/Webhook" } } },
          }),
          "401": err,
          "403": err,
        },
      },
      post: {
        summary:
          'Register an endpoint. Deliveries are signed: X-Agora-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>; refuse t older than 5 minutes. Private, loopback and link-local targets are refused unless AGORA_WEBHOOK_ALLOW_PRIVATE=1',
        requestBody: body({
          type: "object",
          required: ["url", "events"],
          properties: {
            url: { type: "string" },
            events,
            secret: { type: "string", minLength: 16 },
            name: { type: "string" },
          },
        }),
        responses: { "201": ok("Created (with the secret, once)"), "401": err, "403": err, "422": err },
      },
    },
    "/admin/webhooks/{id}": {
      patch: {
        summary: "Change an endpoint; active=true re-enables one disabled after 24 h of failures",
        parameters: [id],
        requestBody: body({
          type: "object",
          properties: {
            url: { type: "string" },
            events,
            name: { type: "string" },
            active: { type: "boolean" },
          },
        }),
        responses: { "200": ok("Saved"), "401": err, "403": err, "404": err, "422": err },
      },
      delete: {
        summary: "Delete an endpoint",
        parameters: [id],
        responses: { "200": ok("Deleted"), "404": err },
      },
    },
    "/admin/webhooks/{id}/test": {
      post: {
        summary: "Send a signed test event",
        parameters: [id],
        responses: { "202": ok("Queued"), "404": err },
      },
    },
    "/admin/webhooks/{id}/deliveries": {
      get: {
        summary: "The endpoint's delivery log (status, attempts, response code, time)",
        parameters: [id],
        responses: { "200": ok("Log"), "404": err },
      },
    },
    "/admin/jobs": {
      get: {
        summary: "Failed delivery jobs with their error (admins)",
        responses: { "200": ok("Failed jobs"), "403": err },
      },
    },
  },
};
