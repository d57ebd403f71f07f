// The OpenAPI document served at /api/v1/openapi.json. Each feature describes its own paths in a file
// beside this one and is listed in FRAGMENTS; shared components (the error shape) live here.
import { accountsFragment } from "./accounts";
import { adminFragment } from "./admin";
import { commentsOpenApi } from "./comments";
import { discoveryFragment } from "./discovery";
import { notificationsFragment } from "./notifications";
import { pollsOpenApi } from "./polls";
import type { OpenApiFragment } from "./types";

const FRAGMENTS: OpenApiFragment[] = [
  accountsFragment,
  adminFragment,
  {
    paths: {
      "/articles/{slug}/views": {
        post: {
          summary: "Count a view of an article (once per visitor per day) and return the shown figure",
          parameters: [{ $ref: "#/components/parameters/slug" }],
          responses: {
            "200": {
              description: "The current view figure (imported history + counted views)",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { views: { type: "integer" } } },
                },
              },
            },
            "404": { $ref: "#/components/responses/Error" },
          },
        },
      },
    },
  },
  commentsOpenApi,
  pollsOpenApi,
  discoveryFragment,
  notificationsFragment,
];

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            code: { type: "string", example: "invalid_input" },
            message: { type: "string", example: "body: must not be empty" },
            field: { type: "string", example: "body" },
          },
        },
      },
    },
  };
  for (const f of FRAGMENTS) {
    for (const [p, item] of Object.entries(f.paths)) paths[p] = { ...(paths[p] as object), ...item };
    Object.assign(schemas, f.schemas ?? {});
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Agora API",
      version: "1",
      description:
        'Comments, polls and moderation. Session-cookie auth (Auth.js) or `Authorization: Bearer <personal API token>`. State-changing calls must send an Origin of this site (or a bearer token). Errors always have the shape {"error": {"code", "message", "field"?}}. Ids are strings.',
    },
    servers: [{ url: "/api/v1" }],
    paths,
    components: {
      schemas,
      parameters: { slug: { name: "slug", in: "path", required: true, schema: { type: "string" } } },
      responses: {
        Error: {
          description: "An error",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
  };
}
