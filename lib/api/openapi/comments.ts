// OpenAPI description of the comments API (lib/comments; routes under app/api/v1).
import { reportReasons } from "@/db/schema";
import type { OpenApiFragment } from "./types";

const err = { $ref: "#/components/responses/Error" };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const jsonBody = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });
const ok = (description: string, schema: unknown) => ({
  description,
  content: { "application/json": { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const writeSecurity = [{ session: [] }, { bearer: [] }];
const writeErrors = {
  "400": err,
  "401": err,
  "403": err,
  "404": err,
  "413": err,
  "415": err,
  "422": err,
  "429": err,
};

export const commentsOpenApi: OpenApiFragment = {
  paths: {
    "/articles/{slug}/comments": {
      get: {
        summary: "A page of top-level threads, each with its first replies (the same for every reader)",
        parameters: [
          { $ref: "#/components/parameters/slug" },
          {
            name: "sort",
            in: "query",
            schema: { type: "string", enum: ["new", "top", "old", "featured"] },
            description:
              "default: the article's default sort (usually new); top = Wilson lower bound of up/down votes; featured = only the comments moderators featured, at any depth, flat, newest first",
          },
          {
            name: "cursor",
            in: "query",
            schema: { type: "string" },
            description: "nextCursor of the previous page (same sort)",
          },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50, default: 20 } },
          {
            name: "votedOption",
            in: "query",
            schema: { type: "string", format: "uuid" },
            description:
              "only comments (any depth, listed flat without their replies) from signed-in readers who voted this " +
              "poll option and show their poll tag; an option id from GET /articles/{slug}/polls. Read per " +
              "request, not from the shared page cache. 422 when the option is not one of this article's polls",
          },
        ],
        responses: { "200": ok("A page of threads", ref("CommentPage")), "404": err, "422": err },
      },
      post: {
        summary: "Post a comment or a reply; it passes moderation first",
        security: writeSecurity,
        parameters: [{ $ref: "#/components/parameters/slug" }],
        requestBody: jsonBody({
          type: "object",
          required: ["body"],
          properties: {
            body: { type: "string", description: "Markdown subset; 2–5,000 characters (configurable)" },
            parentId: { type: ["string", "null"], format: "uuid", description: "the comment replied to" },
          },
        }),
        responses: {
          "201": ok("Stored; status approved (public) or pending (visible to its author with the message)", {
            type: "object",
            required: ["id", "status"],
            properties: {
              id: { type: "string" },
              status: { type: "string", enum: ["approved", "pending", "rejected", "spam"] },
              message: { type: "string" },
              comment: ref("Comment"),
            },
          }),
          ...writeErrors,
          "409": err,
        },
      },
    },
    "/articles/{slug}/comments/mine": {
      get: {
        summary:
          "The signed-in reader's side: who they are, their votes on this article, their held comments",
        parameters: [{ $ref: "#/components/parameters/slug" }],
        responses: {
          "200": ok("Reader state (viewer null when signed out)", ref("ViewerState")),
          "404": err,
        },
      },
    },
    "/articles/{slug}/comments/stream": {
      get: {
        summary:
          "Server-Sent Events: `comment` (new), `update` (edited/deleted), `score` (votes), from every instance",
        parameters: [{ $ref: "#/components/parameters/slug" }],
        responses: { "200": { description: "text/event-stream" }, "404": err },
      },
    },
    "/comments/{id}": {
      get: {
        summary: "One comment (its source text too, for its author and moderators)",
        parameters: [idParam],
        responses: { "200": ok("The comment", ref("Comment")), "404": err },
      },
      patch: {
        summary: "Edit one's own comment within the edit window (15 minutes by default); keeps a revision",
        security: writeSecurity,
        parameters: [idParam],
        requestBody: jsonBody({
          type: "object",
          required: ["body"],
          properties: { body: { type: "string" } },
        }),
        responses: {
          "200": ok("Edited (and moderated again)", {
            type: "object",
            properties: {
              id: { type: "string" },
              status: { type: "string" },
              message: { type: "string" },
              comment: ref("Comment"),
            },
          }),
          ...writeErrors,
          "409": err,
        },
      },
      delete: {
        summary: "Delete one's own comment: it shows as [deleted] and its replies stay",
        security: writeSecurity,
        parameters: [idParam],
        responses: {
          "200": ok("Deleted", {
            type: "object",
            properties: { id: { type: "string" }, status: { const: "deleted" } },
          }),
          "401": err,
          "403": err,
          "404": err,
        },
      },
    },
    "/comments/{id}/replies": {
      get: {
        summary:
          'Replies beyond those shown ("show N more replies"), oldest first, each with its first replies',
        parameters: [
          idParam,
          {
            name: "cursor",
            in: "query",
            schema: { type: "string" },
            description: "moreRepliesCursor or nextCursor",
          },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50, default: 10 } },
          {
            name: "depth",
            in: "query",
            schema: { type: "integer" },
            description: "deepest absolute depth to nest",
          },
        ],
        responses: {
          "200": ok("Replies", {
            type: "object",
            properties: {
              parentId: { type: "string" },
              comments: { type: "array", items: ref("Comment") },
              nextCursor: { type: ["string", "null"] },
              remaining: { type: "integer" },
            },
          }),
          "404": err,
          "422": err,
        },
      },
    },
    "/comments/{id}/vote": {
      post: {
        summary: "Vote up (1), down (-1) or take the vote back (0); one vote per reader, never on one's own",
        security: writeSecurity,
        parameters: [idParam],
        requestBody: jsonBody({
          type: "object",
          required: ["value"],
          properties: { value: { enum: [1, -1, 0] } },
        }),
        responses: {
          "200": ok("The comment's new figures", {
            type: "object",
            properties: {
              id: { type: "string" },
              value: { enum: [1, -1, 0] },
              score: { type: "integer" },
              upvotes: { type: "integer" },
              downvotes: { type: "integer" },
            },
          }),
          ...writeErrors,
          "409": err,
        },
      },
    },
    "/comments/{id}/reports": {
      post: {
        summary: "Report a comment to the moderators (one report per reader per comment)",
        security: writeSecurity,
        parameters: [idParam],
        requestBody: jsonBody({
          type: "object",
          required: ["reason"],
          properties: {
            reason: { type: "string", enum: [...reportReasons] },
            note: { type: "string", maxLength: 1000, description: "required when reason is other" },
          },
        }),
        responses: {
          "201": ok("Received", {
            type: "object",
            properties: { id: { type: "string" }, commentId: { type: "string" } },
          }),
          ...writeErrors,
          "409": err,
        },
      },
    },
    "/comments/{id}/revisions": {
      get: {
        summary: "Earlier versions of an edited comment (moderators)",
        security: writeSecurity,
        parameters: [idParam],
        responses: {
          "200": ok("Revisions, newest first", { type: "object" }),
          "401": err,
          "403": err,
          "404": err,
        },
      },
    },
  },
  schemas: {
    Comment: {
      type: "object",
      properties: {
        id: { type: "string" },
        parentId: { type: ["string", "null"] },
        rootId: { type: "string" },
        depth: { type: "integer" },
        author: {
          type: ["object", "null"],
          properties: { id: { type: "string" }, name: { type: "string" } },
        },
        bodyHtml: { type: "string", description: "sanitised HTML; empty when deleted" },
        status: { type: "string", enum: ["approved", "deleted", "pending", "rejected", "spam"] },
        deleted: { type: "boolean" },
        score: { type: "integer" },
        upvotes: { type: "integer" },
        downvotes: { type: "integer" },
        replyCount: { type: "integer" },
        descendantCount: { type: "integer" },
        createdAt: { type: "string", format: "date-time" },
        editedAt: { type: ["string", "null"], format: "date-time" },
        url: { type: "string", description: "the comment's own page" },
        replies: { type: "array", items: { $ref: "#/components/schemas/Comment" } },
        moreReplies: { type: "integer" },
        moreRepliesCursor: { type: ["string", "null"] },
        continueThread: { type: "boolean", description: "deeper replies continue on the comment's own page" },
        message: { type: "string", description: "for the author's own unpublished comment" },
        votedTags: {
          type: "array",
          description:
            "the author's votes in this article's polls (\"voted: <option>\" tag), when they show them; absent " +
            "when none. As of when the shared page was read: poll votes do not refresh it",
          items: {
            type: "object",
            properties: {
              pollId: { type: "string" },
              optionIds: { type: "array", items: { type: "string" } },
              labels: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
    CommentPage: {
      type: "object",
      properties: {
        article: {
          type: "object",
          properties: {
            slug: { type: "string" },
            commentCount: { type: "integer" },
            commentsOpen: { type: "boolean" },
            defaultSort: { type: "string" },
          },
        },
        sort: { type: "string", enum: ["new", "top", "old", "featured"] },
        comments: { type: "array", items: { $ref: "#/components/schemas/Comment" } },
        nextCursor: { type: ["string", "null"] },
        votedOption: {
          type: "object",
          description: "present when filtered with ?votedOption=",
          properties: { id: { type: "string" }, label: { type: "string" } },
        },
      },
    },
    ViewerState: {
      type: "object",
      properties: {
        viewer: { type: ["object", "null"] },
        votes: { type: "object", additionalProperties: { enum: [1, -1] } },
        pending: { type: "array", items: { $ref: "#/components/schemas/Comment" } },
      },
    },
  },
};
