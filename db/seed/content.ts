// Reads and validates article content files (Markdown with YAML front matter, via gray-matter).
// A malformed file yields an error naming the file and the field; nothing from it is seeded.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";

const nonEmpty = z.string().trim().min(1, "must not be empty");
const date = z.union([z.date(), z.string().datetime({ offset: true })]).transform((v) => new Date(v));

export const pollSchema = z.object({
  question: nonEmpty,
  options: z.array(nonEmpty).min(2, "a poll needs 2 to 10 options").max(10, "a poll needs 2 to 10 options"),
  multiple: z.boolean().default(false),
  max_choices: z.number().int().min(1).optional(),
  closes_at: date.optional(),
  results: z.enum(["always", "after_vote", "after_close"]).default("after_vote"),
  who: z.enum(["anyone", "signed_in"]).default("anyone"),
});

export const articleFileSchema = z.object({
  title: nonEmpty.max(300),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens")
    .max(200),
  description: z.string().trim().max(500).optional(),
  status: z.enum(["draft", "published"]).default("published"),
  published_at: date.optional(),
  updated_at: date.optional(),
  tags: z.array(nonEmpty).default([]),
  references: z.array(z.object({ title: nonEmpty, url: z.string().url().optional() })).default([]),
  author: z.object({
    slug: z.string().regex(/^[a-z0-9-]+$/, "must be lowercase letters, digits and hyphens"),
    name: nonEmpty.max(200),
    job: z.string().trim().max(200).optional(),
    hobbies: z.array(nonEmpty).default([]),
    introduction: z.string().trim().max(2000).optional(),
  }),
  published_stats: z
    .object({
      views: z.number().int().min(0).default(0),
      rating: z.number().min(1).max(5).optional(),
      rating_votes: z.number().int().min(0).default(0),
      helpful_percent: z.number().int().min(0).max(100).optional(),
    })
    .default({ views: 0, rating_votes: 0 }),
  question: z
    .object({
      heading: nonEmpty,
      text: nonEmpty,
      call_to_action: nonEmpty,
      polls: z.array(pollSchema).max(5).default([]),
    })
    .optional(),
  comments: z
    .object({
      open: z.boolean().default(true),
      moderation: z.enum(["default", "post", "pre"]).default("default"),
      sort: z.enum(["new", "top", "old"]).default("new"),
    })
    .optional(),
});

export type ArticleFile = z.infer<typeof articleFileSchema> & { body: string; file: string };

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field ? `field "${field}": ` : ""}${detail}`);
    this.name = "ContentError";
  }
}

export function parseArticleFile(file: string, source: string): ArticleFile {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // a fresh options object: gray-matter caches by content otherwise, hiding edits in long-lived processes
    parsed = matter(source, {});
  } catch (e) {
    throw new ContentError(
      file,
      "front matter",
      `is not valid YAML (${(e as Error).message.split("\n")[0]})`,
    );
  }
  if (!source.trimStart().startsWith("---")) throw new ContentError(file, "front matter", "is missing");
  const result = articleFileSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(file, issue.path.join(".") || "front matter", issue.message);
  }
  const body = parsed.content.trim();
  if (!body) throw new ContentError(file, "body", "is empty");
  return { ...result.data, body, file };
}

export function contentDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "content", "articles");
}

/** Reads every .md file in dir; returns the valid articles and the errors of the others. */
export function readArticleFiles(dir = contentDir()): { articles: ArticleFile[]; errors: ContentError[] } {
  const articles: ArticleFile[] = [];
  const errors: ContentError[] = [];
  for (const name of fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((n) => n.endsWith(".md"))
    .sort()) {
    const file = path.join(path.relative(/*turbopackIgnore: true*/ process.cwd(), dir) || ".", name);
    try {
      articles.push(
        parseArticleFile(file, fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), "utf8")),
      );
    } catch (e) {
      if (e instanceof ContentError) errors.push(e);
      else throw e;
    }
  }
  return { articles, errors };
}
