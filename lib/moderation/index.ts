// The pipeline's entry point: every new or edited comment goes through moderateComment().
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { articles, users } from "@/db/schema";
import { NotFound, Unauthenticated } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { getSettings } from "@/lib/settings";
import { dbFacts } from "./facts";
import { authorStatus } from "./phases/author-status";
import { bannedWords } from "./phases/banned-words";
import { commentsClosed } from "./phases/comments-closed";
import { duplicate } from "./phases/duplicate";
import { honeypot } from "./phases/honeypot";
import { links } from "./phases/links";
import { newCommenter } from "./phases/new-commenter";
import { premoderation } from "./phases/premoderation";
import { profanity } from "./phases/profanity";
import { quietHours } from "./phases/quiet-hours";
import { rateLimit } from "./phases/rate-limit";
import { surge } from "./phases/surge";
import { suspectWords } from "./phases/suspect-words";
import { runPipeline } from "./pipeline";
import type { ModerationContext, ModerationInput, Phase, Verdict } from "./types";

export { checkDisplayName } from "./display-name";
export { explainStatus } from "./messages";
export { onReported } from "./reports";
export type { ModerationInput, Verdict } from "./types";

/**
 * The ordered phases. Adding a rule is adding a file and a line here. A body's form and length are
 * checked before the pipeline, once, by lib/comments/text (422 naming the field).
 */
export const PHASES: Phase[] = [
  commentsClosed,
  quietHours,
  authorStatus,
  rateLimit,
  duplicate,
  honeypot,
  bannedWords,
  profanity,
  suspectWords,
  links,
  premoderation,
  surge,
  newCommenter,
];

export async function loadContext(
  db: Db,
  input: ModerationInput,
  now = new Date(),
  known: { author?: ModerationContext["author"] } = {},
): Promise<ModerationContext> {
  const articleRead = preparedFor(db, "moderation_article", (db) =>
    db
      .select({
        id: articles.id,
        commentsOpen: articles.commentsOpen,
        moderationMode: articles.moderationMode,
        surgeUntil: articles.surgeUntil,
        quietStart: articles.quietStart,
        quietEnd: articles.quietEnd,
      })
      .from(articles)
      .where(eq(articles.id, sql.placeholder("id")))
      .limit(1)
      .prepare("moderation_article"),
  ).execute({ id: input.articleId });
  const authorRead = db
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
  // the three reads go to the database together
  const [[article], [author], settings] = await Promise.all([
    articleRead,
    // the author's row as the request's own sign-in check just read it, when the caller has it
    known.author && known.author.id === input.authorId ? [known.author] : authorRead,
    getSettings(db),
  ]);
  if (!article) throw new NotFound(msg("Api.moderation.noSuchArticle"));
  if (!author) throw new Unauthenticated(msg("Api.moderation.signInToComment"));
  return { db, now, article, author, settings, facts: dbFacts(db, input) };
}

/**
 * Runs the pipeline for a new or edited comment (call it before storing). Store the verdict as
 * status, decided_by = phase, status_reason = reason, moderation_tags = tags; show `message` to the author.
 */
export async function moderateComment(
  db: Db,
  input: ModerationInput,
  opts: { now?: Date; author?: ModerationContext["author"] } = {},
): Promise<Verdict> {
  return runPipeline(PHASES, input, await loadContext(db, input, opts.now, { author: opts.author }));
}
