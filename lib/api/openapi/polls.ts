// OpenAPI paths of polls, the live poll totals, and article ratings / "was this helpful".
import type { OpenApiFragment } from "./types";

const err = { $ref: "#/components/responses/Error" };
const pollId = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const slug = { $ref: "#/components/parameters/slug" };
const pollBody = (description: string, extra: Record<string, unknown> = {}) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["poll"],
        properties: { poll: { $ref: "#/components/schemas/Poll" }, ...extra },
      },
    },
  },
});
const feedbackState = {
  description: "The article's figures (imported history + live answers) and this reader's own answers",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Feedback" } } },
};

export const pollsOpenApi: OpenApiFragment = {
  paths: {
    "/articles/{slug}/polls": {
      get: {
        summary: "The article's polls as this reader sees them",
        description:
          "Anonymous readers are identified by the HttpOnly `agora_voter` cookie set when they first vote; signed-in readers by their account. Counts appear only where the poll's results visibility allows.",
        parameters: [slug],
        responses: {
          "200": {
            description: "The polls in order",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["polls"],
                  properties: { polls: { type: "array", items: { $ref: "#/components/schemas/Poll" } } },
                },
              },
            },
          },
          "404": err,
        },
      },
    },
    "/articles/{slug}/polls/events": {
      get: {
        summary: "Live totals of the article's polls (server-sent events)",
        description:
          'A `text/event-stream`. Event `ready` lists the poll ids whose results this reader may see (decided when the stream opens: reopen it after voting); event `totals` carries `{"pollId", "totalVoters", "options": [{"id", "count", "percent"}]}` after votes, at most about twice a second per poll.',
        parameters: [slug],
        responses: {
          "200": {
            description: "The event stream",
            content: { "text/event-stream": { schema: { type: "string" } } },
          },
          "404": err,
        },
      },
    },
    "/polls/{id}": {
      get: {
        summary: "One poll as this reader sees it",
        parameters: [
          pollId,
          {
            name: "split",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["1", "true"] },
            description: "Add results split into signed-in and anonymous voters (when results are visible)",
          },
        ],
        responses: { "200": pollBody("The poll"), "404": err },
      },
    },
    "/polls/{id}/vote": {
      put: {
        summary: "Vote, or change this reader's vote, until the poll closes",
        description:
          "One vote per reader per poll (account, or the `agora_voter` cookie, which the first vote sets). Limited per client address (`POLL_VOTE_IP`). Sending the same choice again changes nothing.",
        parameters: [pollId],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["optionIds"],
                properties: {
                  optionIds: {
                    type: "array",
                    items: { type: "string" },
                    minItems: 1,
                    description: "One option id, or up to the poll's maxChoices for a multiple-choice poll",
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": pollBody("The vote was changed (or was already this choice)", {
            changed: { type: "boolean" },
          }),
          "201": pollBody("The first vote of this reader was counted", { changed: { type: "boolean" } }),
          "401": err,
          "403": err,
          "404": err,
          "409": err,
          "415": err,
          "422": err,
          "429": err,
        },
      },
      delete: {
        summary: "Withdraw this reader's vote, until the poll closes",
        parameters: [pollId],
        responses: {
          "200": pollBody("The poll after the withdrawal", { withdrawn: { type: "boolean" } }),
          "401": err,
          "403": err,
          "404": err,
          "409": err,
          "429": err,
        },
      },
    },
    "/articles/{slug}/feedback": {
      get: {
        summary: "The article's rating and helpfulness figures, and this reader's own answers",
        parameters: [slug],
        responses: { "200": feedbackState, "404": err },
      },
      put: {
        summary: 'Rate the article (1–5) and/or answer "Was this page helpful?"',
        description:
          "One answer of each per reader (account or `agora_voter` cookie), changeable. A field left out is kept; null takes the answer back. Limited per client address (`FEEDBACK_IP`).",
        parameters: [slug],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  rating: { type: ["integer", "null"], minimum: 1, maximum: 5 },
                  helpful: { type: ["boolean", "null"] },
                },
              },
            },
          },
        },
        responses: { "200": feedbackState, "403": err, "404": err, "415": err, "422": err, "429": err },
      },
    },
  },
  schemas: {
    Poll: {
      type: "object",
      required: ["id", "question", "options", "resultsVisible", "myVote"],
      properties: {
        id: { type: "string" },
        articleSlug: { type: "string" },
        question: { type: "string" },
        multiple: { type: "boolean" },
        maxChoices: { type: "integer" },
        closesAt: { type: ["string", "null"], format: "date-time" },
        closed: { type: "boolean" },
        resultsVisibility: { type: "string", enum: ["always", "after_vote", "after_close"] },
        whoMayVote: { type: "string", enum: ["anyone", "signed_in"] },
        resultsVisible: { type: "boolean" },
        resultsHiddenUntil: { type: ["string", "null"], enum: ["vote", "close", null] },
        options: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "label"],
            properties: {
              id: { type: "string" },
              label: { type: "string" },
              count: { type: "integer", description: "Only when results are visible to this reader" },
              percent: { type: "number", description: "Share of voters, one decimal; only when visible" },
            },
          },
        },
        totalVoters: { type: "integer", description: "Only when results are visible to this reader" },
        split: {
          type: "object",
          description: "With ?split=1: results of signed-in and of anonymous voters",
          properties: {
            signedIn: { $ref: "#/components/schemas/PollSplitGroup" },
            anonymous: { $ref: "#/components/schemas/PollSplitGroup" },
          },
        },
        myVote: { type: ["array", "null"], items: { type: "string" } },
      },
    },
    PollSplitGroup: {
      type: "object",
      properties: {
        voters: { type: "integer" },
        options: {
          type: "array",
          items: {
            type: "object",
            properties: { id: { type: "string" }, count: { type: "integer" }, percent: { type: "number" } },
          },
        },
      },
    },
    Feedback: {
      type: "object",
      properties: {
        stats: {
          type: "object",
          properties: {
            views: { type: "integer" },
            ratingAverage: { type: ["number", "null"] },
            ratingVotes: { type: "integer" },
            helpfulPercent: { type: ["integer", "null"] },
          },
        },
        mine: {
          type: "object",
          properties: { rating: { type: ["integer", "null"] }, helpful: { type: ["boolean", "null"] } },
        },
      },
    },
  },
};
