// Accounts in the OpenAPI document: who am I, the own-account routes, and moderators/admins acting on
// accounts. Sign-in itself is Auth.js's standard endpoints under /api/auth (not /api/v1).
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
const userChangeResponses = {
  "200": ok("Updated", { type: "object", properties: { user: { $ref: "#/components/schemas/UserStatus" } } }),
  "401": err,
  "403": err,
  "404": err,
  "422": err,
};
const userId = { name: "id", in: "path", required: true, schema: { type: "string" } };

export const accountsFragment: OpenApiFragment = {
  schemas: {
    Me: {
      type: "object",
      properties: {
        user: {
          oneOf: [
            { type: "null" },
            {
              type: "object",
              properties: {
                id: { type: "string" },
                name: { type: "string" },
                email: { type: "string" },
                role: { enum: ["reader", "moderator", "admin"] },
                status: { enum: ["active", "suspended", "banned"] },
                suspendedUntil: { type: ["string", "null"], format: "date-time" },
                statusReason: { type: ["string", "null"] },
                emailVerified: { type: "boolean" },
                showPollTag: { type: "boolean" },
                restriction: {
                  type: ["string", "null"],
                  description: "Why this user may not comment or vote now (null: they may)",
                },
                restrictionCode: { type: ["string", "null"], example: "email_unverified" },
                sanction: { type: ["string", "null"], description: "Suspension or ban, in words" },
              },
            },
          ],
        },
      },
    },
    UserStatus: {
      type: "object",
      properties: {
        id: { type: "string" },
        name: { type: ["string", "null"] },
        role: { enum: ["reader", "moderator", "admin"] },
        status: { enum: ["active", "suspended", "banned"] },
        suspendedUntil: { type: ["string", "null"], format: "date-time" },
        statusReason: { type: ["string", "null"] },
      },
    },
  },
  paths: {
    "/me": {
      get: {
        summary: "The signed-in user ({user: null} when nobody); never cached",
        responses: { "200": ok("Who is here", { $ref: "#/components/schemas/Me" }) },
      },
    },
    "/account": {
      get: {
        summary: "The own account (same shape as /me)",
        responses: { "200": ok("The account", { $ref: "#/components/schemas/Me" }), "401": err },
      },
      patch: {
        summary:
          "Change the display name, the poll-tag preference, the profile handle or its visibility, and/or the e-mail notification preferences",
        requestBody: body({
          type: "object",
          properties: {
            name: { type: "string", maxLength: 50 },
            showPollTag: { type: "boolean" },
            handle: {
              type: "string",
              pattern: "^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$",
              description: "the profile address /readers/{handle}; changeable once every 30 days",
            },
            profileHidden: {
              type: "boolean",
              description: "true: the public profile answers 404 (staff still see it in admin)",
            },
            notify: { $ref: "#/components/schemas/NotifyPrefs" },
          },
        }),
        responses: {
          "200": ok("Saved", {
            type: "object",
            properties: {
              name: { type: "string" },
              showPollTag: { type: "boolean" },
              handle: { type: "string" },
              profileHidden: { type: "boolean" },
            },
          }),
          "401": err,
          "403": err,
          "409": err,
          "422": err,
          "429": err,
        },
      },
      delete: {
        summary: "Delete the account for good (its sessions end; it can never sign in again)",
        requestBody: body({
          type: "object",
          required: ["confirm", "comments"],
          properties: {
            confirm: { const: "delete my account" },
            comments: {
              enum: ["keep", "remove"],
              description:
                'keep: comments stay as text-less "[deleted account]" placeholders; remove: deleted, except those others replied to (placeholders)',
            },
          },
        }),
        responses: {
          "200": ok("Deleted", {
            type: "object",
            properties: {
              deleted: { const: true },
              commentsRemoved: { type: "integer" },
              commentsAnonymised: { type: "integer" },
            },
          }),
          "401": err,
          "422": err,
        },
      },
    },
    "/account/password": {
      post: {
        summary: "Change (or set) the password; every session ends, this one included",
        requestBody: body({
          type: "object",
          required: ["newPassword"],
          properties: { currentPassword: { type: "string" }, newPassword: { type: "string", minLength: 10 } },
        }),
        responses: { "200": ok("Changed"), "401": err, "422": err, "429": err },
      },
    },
    "/account/sessions": {
      delete: {
        summary: "Sign out everywhere: every session of the account ends, this one included",
        responses: { "200": ok("Signed out"), "401": err },
      },
    },
    "/account/verification": {
      post: {
        summary: "Send the email confirmation link again",
        responses: { "202": ok("Sent"), "401": err, "409": err, "429": err },
      },
    },
    "/account/export": {
      get: {
        summary:
          "Download my data: profile, comments, comment votes, poll votes, reports, ratings (JSON file)",
        responses: { "200": ok("The data, as an attachment"), "401": err },
      },
    },
    "/admin/users/{id}/status": {
      post: {
        summary:
          "Suspend (until a date), ban or reinstate a user (moderators and admins); a ban ends the sessions",
        parameters: [userId],
        requestBody: body({
          type: "object",
          required: ["status"],
          properties: {
            status: { enum: ["active", "suspended", "banned"] },
            until: { type: "string", format: "date-time", description: "required for suspended" },
            note: { type: "string", maxLength: 500 },
          },
        }),
        responses: userChangeResponses,
      },
    },
    "/admin/users/{id}/role": {
      post: {
        summary: "Change a user's role (admins only); the user's sessions end",
        parameters: [userId],
        requestBody: body({
          type: "object",
          required: ["role"],
          properties: { role: { enum: ["reader", "moderator", "admin"] } },
        }),
        responses: userChangeResponses,
      },
    },
  },
};
