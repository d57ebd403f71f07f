// OpenAPI paths of the moderation and admin API (lib/moderation, lib/settings, lib/articles/editor,
// lib/auth/api-tokens). All need a moderator or admin (session cookie or a personal bearer token);
// writes need this site's Origin or a bearer token.
import type { OpenApiFragment } from "./types";

const err = { $ref: "#/components/responses/Error" };
const errors = (...codes: string[]) => Object.fromEntries(codes.map((c) => [c, err]));
const idParam = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string" },
  description: `${what} id`,
});
const body = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });
const ok = (schema: unknown, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const security = [{ session: [] }, { bearer: [] }];
const changed = {
  type: "object",
  required: ["changed", "message"],
  properties: {
    changed: { type: "boolean", description: "false when it was already so (idempotent)" },
    message: { type: "string" },
  },
};

export const adminFragment: OpenApiFragment = {
  schemas: {
    QueueItem: {
      type: "object",
      properties: {
        id: { type: "string" },
        body: { type: "string" },
        status: { type: "string", enum: ["pending", "approved", "rejected", "spam", "deleted"] },
        statusReason: { type: ["string", "null"] },
        decidedBy: {
          type: ["string", "null"],
          description: "the pipeline phase or 'moderator' or 'reports'",
        },
        explanation: { type: "string", description: "what the author is told" },
        tags: { type: "array", items: { type: "string" } },
        createdAt: { type: "string", format: "date-time" },
        featured: { type: "boolean" },
        pinned: { type: "boolean" },
        reportCount: { type: "integer" },
        article: {
          type: "object",
          properties: { id: { type: "string" }, slug: { type: "string" }, title: { type: "string" } },
        },
        parent: {
          type: ["object", "null"],
          properties: {
            id: { type: "string" },
            excerpt: { type: "string" },
            authorName: { type: ["string", "null"] },
          },
        },
        author: {
          type: ["object", "null"],
          properties: {
            id: { type: "string" },
            name: { type: ["string", "null"] },
            createdAt: { type: "string", format: "date-time" },
            approvedCount: { type: "integer" },
            rejectedCount: { type: "integer" },
          },
        },
        reports: {
          type: "array",
          items: {
            type: "object",
            properties: {
              reason: { type: "string" },
              count: { type: "integer" },
              notes: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
    Settings: {
      type: "object",
      additionalProperties: false,
      properties: {
        bannedWords: {
          type: "array",
          items: { type: "string", minLength: 1 },
          description: "rejected (whole words, obfuscations included)",
        },
        suspectWords: {
          type: "array",
          items: { type: "string", minLength: 1 },
          description: "held for review",
        },
        profanityFilter: { type: "string", enum: ["off", "hold", "reject"] },
        commentsPerMinutePerAuthor: { type: "integer", minimum: 1 },
        commentsPerMinutePerIp: { type: "integer", minimum: 1 },
        duplicateWindowMinutes: { type: "integer", minimum: 0 },
        linksMinApproved: { type: "integer", minimum: 0 },
        newCommenterHoldCount: { type: "integer", minimum: 0 },
        reportHideThreshold: { type: "integer", minimum: 1 },
        surgeCommentsPerMinute: { type: "integer", minimum: 1 },
        surgeHeldPercent: { type: "integer", minimum: 1, maximum: 100 },
        surgeMinutes: { type: "integer", minimum: 1 },
        timeZone: { type: "string", example: "Europe/London" },
        defaultModerationMode: { type: "string", enum: ["post", "pre"] },
        editWindowMinutes: { type: "integer", minimum: 0 },
        commentMinLength: { type: "integer", minimum: 1 },
        commentMaxLength: { type: "integer", minimum: 1 },
      },
    },
    AuditEntry: {
      type: "object",
      properties: {
        id: { type: "string" },
        at: { type: "string", format: "date-time" },
        actor: {
          type: ["object", "null"],
          properties: { id: { type: "string" }, name: { type: ["string", "null"] } },
        },
        action: { type: "string", example: "comment.approve" },
        targetType: { type: "string", enum: ["comment", "user", "article", "settings", "appeal", "token"] },
        targetId: { type: "string" },
        reason: { type: ["string", "null"] },
        details: { type: ["object", "null"] },
      },
    },
  },
  paths: {
    "/admin/queue": {
      get: {
        summary: "A page of a moderation queue (keyset-paginated)",
        security,
        parameters: [
          {
            name: "status",
            in: "query",
            schema: { type: "string", enum: ["pending", "reported", "rejected", "all"], default: "pending" },
          },
          {
            name: "cursor",
            in: "query",
            schema: { type: "string" },
            description: "nextCursor of the previous page",
          },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
          { name: "articleId", in: "query", schema: { type: "string" } },
        ],
        responses: {
          "200": ok({
            type: "object",
            properties: {
              items: { type: "array", items: ref("QueueItem") },
              nextCursor: { type: ["string", "null"] },
            },
          }),
          ...errors("401", "403", "422"),
        },
      },
    },
    "/admin/comments/{id}/decision": {
      post: {
        summary: "Decide on a comment (idempotent); resolves its open reports; one audit row per change",
        security,
        parameters: [idParam("Comment")],
        requestBody: body({
          type: "object",
          required: ["action"],
          properties: {
            action: {
              type: "string",
              enum: ["approve", "reject", "spam", "delete", "feature", "unfeature", "pin", "unpin"],
            },
            reason: {
              type: "string",
              maxLength: 500,
              description: "required to reject; shown to the author",
            },
          },
        }),
        responses: {
          "200": ok({ allOf: [changed, { type: "object", properties: { comment: { type: "object" } } }] }),
          ...errors("401", "403", "404", "409", "422"),
        },
      },
    },
    "/admin/comments/decisions": {
      post: {
        summary: "The same decision on up to 100 comments; one result per id",
        security,
        requestBody: body({
          type: "object",
          required: ["ids", "action"],
          properties: {
            ids: { type: "array", items: { type: "string" }, maxItems: 100 },
            action: { type: "string" },
            reason: { type: "string" },
          },
        }),
        responses: {
          "200": ok({
            type: "object",
            properties: { results: { type: "array", items: { type: "object" } } },
          }),
          ...errors("401", "403", "422"),
        },
      },
    },
    "/admin/settings": {
      get: {
        summary: "The site's moderation settings (admins)",
        security,
        responses: {
          "200": ok({ type: "object", properties: { settings: ref("Settings") } }),
          ...errors("401", "403"),
        },
      },
      put: {
        summary:
          "Change settings, whole or partial (admins); an invalid value changes nothing (422 naming the field)",
        security,
        requestBody: body({
          type: "object",
          required: ["settings"],
          properties: { settings: ref("Settings") },
        }),
        responses: {
          "200": ok({ type: "object", properties: { settings: ref("Settings") } }),
          ...errors("401", "403", "422"),
        },
      },
    },
    "/admin/users": {
      get: {
        summary: "Search users by name (admins: and email)",
        security,
        parameters: [
          { name: "q", in: "query", schema: { type: "string" } },
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: {
          "200": ok({
            type: "object",
            properties: {
              items: { type: "array", items: { type: "object" } },
              nextCursor: { type: ["string", "null"] },
            },
          }),
          ...errors("401", "403"),
        },
      },
    },
    "/admin/users/{id}": {
      get: {
        summary: "A user's record: counts, latest comments, notes, history",
        security,
        parameters: [idParam("User")],
        responses: { "200": ok({ type: "object" }), ...errors("401", "403", "404") },
      },
    },
    "/admin/users/{id}/status": {
      post: {
        summary:
          "Suspend until a time, ban (ends the user's sessions) or reinstate; moderators act on readers only",
        security,
        parameters: [idParam("User")],
        requestBody: body({
          type: "object",
          required: ["status"],
          properties: {
            status: { type: "string", enum: ["active", "suspended", "banned"] },
            until: { type: "string", format: "date-time", description: "required for suspended" },
            note: { type: "string", maxLength: 500 },
          },
        }),
        responses: { "200": ok(changed), ...errors("401", "403", "404", "422") },
      },
    },
    "/admin/users/{id}/role": {
      post: {
        summary: "Change a user's role (admins only; not one's own)",
        security,
        parameters: [idParam("User")],
        requestBody: body({
          type: "object",
          required: ["role"],
          properties: { role: { type: "string", enum: ["reader", "moderator", "admin"] } },
        }),
        responses: { "200": ok(changed), ...errors("401", "403", "404", "422") },
      },
    },
    "/admin/users/{id}/notes": {
      post: {
        summary: "Add a moderator note to a user",
        security,
        parameters: [idParam("User")],
        requestBody: body({
          type: "object",
          required: ["note"],
          properties: { note: { type: "string", maxLength: 500 } },
        }),
        responses: { "201": ok({ type: "object" }, "Created"), ...errors("401", "403", "404", "422") },
      },
    },
    "/admin/audit": {
      get: {
        summary: "The audit log, newest first (read-only)",
        security,
        parameters: ["actor", "action", "targetType", "targetId", "cursor"].map((name) => ({
          name,
          in: "query",
          schema: { type: "string" },
        })),
        responses: {
          "200": ok({
            type: "object",
            properties: {
              items: { type: "array", items: ref("AuditEntry") },
              nextCursor: { type: ["string", "null"] },
            },
          }),
          ...errors("401", "403", "422"),
        },
      },
    },
    "/admin/appeals": {
      get: {
        summary: "Appeals, open (oldest first) or decided",
        security,
        parameters: [{ name: "status", in: "query", schema: { type: "string", enum: ["open", "decided"] } }],
        responses: { "200": ok({ type: "object" }), ...errors("401", "403") },
      },
    },
    "/admin/appeals/{id}/decision": {
      post: {
        summary: "Uphold or overturn an appeal; not by the moderator who rejected the comment",
        security,
        parameters: [idParam("Appeal")],
        requestBody: body({
          type: "object",
          required: ["outcome"],
          properties: { outcome: { type: "string", enum: ["uphold", "overturn"] }, note: { type: "string" } },
        }),
        responses: { "200": ok(changed), ...errors("401", "403", "404", "422") },
      },
    },
    "/admin/dashboard": {
      get: {
        summary: "Dashboard figures: per day, queue, reports, appeals, surges, article health",
        security,
        responses: { "200": ok({ type: "object" }), ...errors("401", "403") },
      },
    },
    "/admin/articles": {
      get: {
        summary: "All articles, drafts included (admins)",
        security,
        responses: { "200": ok({ type: "object" }), ...errors("401", "403") },
      },
      post: {
        summary: "Create an article with its question and polls (admins)",
        security,
        requestBody: body({
          type: "object",
          required: ["title", "body"],
          properties: {
            title: { type: "string" },
            slug: { type: "string" },
            body: { type: "string", description: "Markdown" },
            authorId: { type: "string" },
            newAuthor: { type: "object", properties: { name: { type: "string" }, job: { type: "string" } } },
            tags: { type: "array", items: { type: "string" } },
            status: { type: "string", enum: ["draft", "published"] },
            publishedAt: {
              type: ["string", "null"],
              format: "date-time",
              description: "a future time schedules it",
            },
            commentsOpen: { type: "boolean" },
            moderationMode: { type: "string", enum: ["default", "post", "pre"] },
            quietStart: { type: ["string", "null"], example: "00:00" },
            quietEnd: { type: ["string", "null"], example: "06:00" },
            question: { type: ["object", "null"] },
          },
        }),
        responses: { "201": ok({ type: "object" }, "Created"), ...errors("401", "403", "409", "422") },
      },
    },
    "/admin/articles/{id}": {
      get: {
        summary: "An article as the editor sees it (admins)",
        security,
        parameters: [idParam("Article")],
        responses: { "200": ok({ type: "object" }), ...errors("401", "403", "404") },
      },
      put: {
        summary:
          "Change an article, whole or partial (admins): publish, unpublish, schedule, comments, mode, question, polls",
        security,
        parameters: [idParam("Article")],
        requestBody: body({ type: "object" }),
        responses: { "200": ok({ type: "object" }), ...errors("401", "403", "404", "409", "422") },
      },
    },
    "/admin/articles/{id}/surge": {
      delete: {
        summary: "End an article's surge mode early",
        security,
        parameters: [idParam("Article")],
        responses: { "200": ok(changed), ...errors("401", "403", "404") },
      },
    },
    "/admin/articles/preview": {
      post: {
        summary: "Render Markdown as the public page will (admins)",
        security,
        requestBody: body({ type: "object", required: ["body"], properties: { body: { type: "string" } } }),
        responses: {
          "200": ok({ type: "object", properties: { html: { type: "string" } } }),
          ...errors("401", "403", "422"),
        },
      },
    },
    "/admin/authors": {
      get: {
        summary: "Authors to choose from (admins), with the e-mail of their linked account (accountEmail)",
        security,
        responses: { "200": ok({ type: "object" }), ...errors("401", "403") },
      },
    },
    "/admin/authors/{id}/account": {
      put: {
        summary:
          "Link the author to a reader account by e-mail (their comments on the author's articles get an Author badge), or unlink with null (admins; audited)",
        security,
        requestBody: body({
          type: "object",
          required: ["email"],
          properties: { email: { type: ["string", "null"], format: "email" } },
        }),
        responses: { "200": ok({ type: "object" }), ...errors("401", "403", "404", "409", "422") },
      },
    },
    "/account/tokens": {
      get: {
        summary: "Your personal API tokens (moderators and admins); secrets are never listed",
        security,
        responses: { "200": ok({ type: "object" }), ...errors("401", "403") },
      },
      post: {
        summary: "Create a personal API token; the secret is in this answer only",
        security: [{ session: [] }],
        requestBody: body({
          type: "object",
          required: ["name"],
          properties: { name: { type: "string", maxLength: 60 } },
        }),
        responses: {
          "201": ok(
            { type: "object", properties: { token: { type: "object" }, secret: { type: "string" } } },
            "Created",
          ),
          ...errors("401", "403", "409", "422"),
        },
      },
    },
    "/account/tokens/{id}": {
      delete: {
        summary: "Revoke one of your tokens (idempotent)",
        security,
        parameters: [idParam("Token")],
        responses: { "200": ok(changed), ...errors("401", "404") },
      },
    },
    "/account/comments": {
      get: {
        summary: "Your latest comments with their moderation outcome and whether you may appeal",
        security: [{ session: [] }],
        responses: { "200": ok({ type: "object" }), ...errors("401") },
      },
    },
    "/comments/{id}/appeal": {
      post: {
        summary: "Appeal the rejection of your comment, once",
        security: [{ session: [] }],
        parameters: [idParam("Comment")],
        requestBody: body({
          type: "object",
          required: ["text"],
          properties: { text: { type: "string", minLength: 10, maxLength: 1000 } },
        }),
        responses: {
          "201": ok({ type: "object" }, "Created"),
          ...errors("401", "403", "404", "409", "422", "429"),
        },
      },
    },
  },
};
