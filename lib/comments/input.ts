// zod schemas for the comment API's inputs (shared by the route handlers and the OpenAPI fragment).
import { z } from "zod";
import { THREADS } from "./config";
import { COMMENT_SORTS } from "./types";

export const listQuery = z.object({
  sort: z.enum(COMMENT_SORTS, { error: "must be one of new, top, old, featured." }).optional(),
  cursor: z.string().max(200, "is too long.").optional(),
  limit: z.coerce
    .number({ error: "must be a number." })
    .int("must be a whole number.")
    .min(1, "must be at least 1.")
    .max(THREADS.maxPageSize, `can be at most ${THREADS.maxPageSize}.`)
    .optional(),
  votedOption: z.string().max(100, "is too long.").optional(),
});

export const repliesQuery = z.object({
  cursor: z.string().max(200, "is too long.").optional(),
  limit: z.coerce.number().int().min(1).max(THREADS.maxPageSize).optional(),
  /** deepest absolute depth to nest (defaults to 6 levels below the comment) */
  depth: z.coerce.number().int().min(1).max(THREADS.maxDepth).optional(),
});

export const postInput = z.object({
  body: z.string({ error: "the comment's text is required (a string)." }),
  parentId: z.string({ error: "must be a comment id (a string)." }).nullable().optional(),
  /** honeypot: left empty by people; bots fill it */
  website: z.string().optional(),
});

export const editInput = z.object({
  body: z.string({ error: "the comment's new text is required (a string)." }),
});

export const voteInput = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], {
    error: "must be 1 (up), -1 (down) or 0 (take your vote back).",
  }),
});
