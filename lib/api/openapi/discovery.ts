// OpenAPI paths of discovery (issue 15): site search, the editor's shortlist and follow-up block.
import type { OpenApiFragment } from "./types";

const err = { $ref: "#/components/responses/Error" };
const errors = (...codes: string[]) => Object.fromEntries(codes.map((c) => [c, err]));
const ok = (schema: unknown, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});
const idParam = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
  description: `${what} id`,
});
const security = [{ session: [] }, { bearer: [] }];

export const discoveryFragment: OpenApiFragment = {
  schemas: {
    SearchHit: {
      type: "object",
      properties: {
        type: { enum: ["article", "comment"] },
        id: { type: "string" },
        url: { type: "string", description: "path of the article or of the comment's page" },
        title: { type: "string" },
        snippet: { type: "string", description: "HTML: escaped text, matches in <mark>" },
        rank: { type: "number" },
        date: { type: "string", format: "date-time" },
        article: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" } } },
        author: {
          type: ["object", "null"],
          properties: { name: { type: "string" }, handle: { type: ["string", "null"] } },
        },
      },
    },
    FollowUp: {
      type: "object",
      properties: {
        text: { type: "string" },
        published: { type: "boolean" },
        publishedAt: { type: ["string", "null"], format: "date-time" },
        quotes: {
          type: "array",
          description: "the chosen comments that are still approved, in the chosen order",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              authorName: { type: ["string", "null"] },
              authorHandle: { type: ["string", "null"] },
              excerpt: { type: "string" },
              url: { type: "string" },
            },
          },
        },
        polls: {
          type: "array",
          description: "poll results when the block was published",
          items: {
            type: "object",
            properties: {
              question: { type: "string" },
              totalVoters: { type: "integer" },
              options: {
                type: "array",
                items: {
                  type: "object",
                  properties: { label: { type: "string" }, votes: { type: "integer" } },
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    "/search": {
      get: {
        summary: "Search published articles and approved comments (full text, ranked, with snippets)",
        description:
          'websearch syntax: words, "a phrase", OR, -word. Accent-insensitive where the database has unaccent. Without type: the best 5 articles, then the best 20 comments.',
        parameters: [
          {
            name: "q",
            in: "query",
            required: true,
            schema: { type: "string", minLength: 2, maxLength: 200 },
            description: "2-200 characters; shorter or longer is a 422",
          },
          { name: "type", in: "query", schema: { enum: ["articles", "comments"] } },
          {
            name: "cursor",
            in: "query",
            schema: { type: "string" },
            description: "nextCursor of the previous page",
          },
        ],
        responses: {
          "200": ok({
            type: "object",
            properties: {
              query: { type: "string" },
              type: { type: ["string", "null"] },
              results: { type: "array", items: { $ref: "#/components/schemas/SearchHit" } },
              nextCursor: { type: ["string", "null"] },
            },
          }),
          ...errors("422"),
        },
      },
    },
    "/admin/comments/{id}/shortlist": {
      post: {
        summary: "Shortlist an approved comment for the article's “What readers said” block (audited)",
        security,
        parameters: [idParam("Comment")],
        responses: {
          "200": ok({
            type: "object",
            properties: { commentId: { type: "string" }, shortlisted: { const: true } },
          }),
          ...errors("401", "403", "404", "409"),
        },
      },
      delete: {
        summary: "Take a comment off the shortlist (audited)",
        security,
        parameters: [idParam("Comment")],
        responses: {
          "200": ok({
            type: "object",
            properties: { commentId: { type: "string" }, shortlisted: { const: false } },
          }),
          ...errors("401", "403", "404"),
        },
      },
    },
    "/admin/articles/{id}/follow-up": {
      get: {
        summary: "The article's follow-up block (draft or published) and its shortlist",
        security,
        parameters: [idParam("Article")],
        responses: { "200": ok({ type: "object" }), ...errors("401", "403", "404") },
      },
      put: {
        summary: "Save and publish (or withdraw) the “What readers said” follow-up block (audited)",
        description:
          "Quotes the chosen approved comments of this article (a comment later removed drops out), the editor's text, and the poll results at the moment of publishing. Shown above the comments, in the article's comment feed and JSON-LD.",
        security,
        parameters: [idParam("Article")],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["text"],
                additionalProperties: false,
                properties: {
                  text: { type: "string", minLength: 1, maxLength: 2000, description: "the editor's text" },
                  commentIds: {
                    type: "array",
                    maxItems: 10,
                    items: { type: "string", format: "uuid" },
                    description: "approved comments of this article to quote, in order",
                  },
                  published: { type: "boolean", default: true },
                },
              },
            },
          },
        },
        responses: {
          "200": ok({ $ref: "#/components/schemas/FollowUp" }),
          ...errors("401", "403", "404", "422"),
        },
      },
    },
  },
};
