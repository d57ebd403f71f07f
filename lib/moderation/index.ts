// The pipeline's entry point: every new or edited comment goes through moderateComment().
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, users } from "@/db/schema";
import { ApiError } from "@/lib/api/http";
import { articleClosed } from "./phases/article-closed";
import { authorStatus } from "./phases/author-status";
import { runPipeline } from "./pipeline";
import type { ModerationContext, ModerationInput, Phase, Verdict } from "./types";

export type { ModerationInput, Verdict } from "./types";

/** The ordered phases. Adding a rule is adding a file and a line here. */
export const PHASES: Phase[] = [articleClosed, authorStatus];

export async function loadContext(
  db: Db,
  input: ModerationInput,
  now = new Date(),
): Promise<ModerationContext> {
  const [article] = await db
    .select({
      id: articles.id,
      commentsOpen: articles.commentsOpen,
      moderationMode: articles.moderationMode,
      surgeUntil: articles.surgeUntil,
      quietStart: articles.quietStart,
      quietEnd: articles.quietEnd,
    })
    .from(articles)
    .where(eq(articles.id, input.articleId))
    .limit(1);
  const [author] = await db
    .select({
      id: users.id,
      status: users.status,
      suspendedUntil: users.suspendedUntil,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, input.authorId))
    .limit(1);
  if (!article) throw new ApiError(404, "not_found", "No such article.");
  if (!author) throw new ApiError(401, "unauthenticated", "Sign in to comment.");
  return { db, now, article, author };
}

export async function moderateComment(db: Db, input: ModerationInput): Promise<Verdict> {
  return runPipeline(PHASES, input, await loadContext(db, input));
}
