// The rating and "was this helpful" answers as the routes use them: validation, who may answer, the
// per-IP limit, the write, and the invalidation of the cached article page (whose header shows the
// figures; the page is re-rendered at most about once a second however many answers arrive).
import { z } from "zod";
import type { Db } from "@/db/client";
import { decide, refusal } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { cacheTags, invalidate } from "@/lib/cache";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { anonVoteKey, consume } from "@/lib/rate-limit";
import {
  type FeedbackChange,
  type FeedbackState,
  getFeedback,
  hasFeedback,
  publishedArticleId,
  setFeedback,
} from "./feedback";

export const feedbackBodySchema = z
  .object({
    rating: z
      .number({ error: "a rating is a whole number from 1 to 5 (or null to take it back)" })
      .int("a rating is a whole number from 1 to 5")
      .min(1, "a rating is a whole number from 1 to 5")
      .max(5, "a rating is a whole number from 1 to 5")
      .nullable()
      .optional(),
    helpful: z
      .boolean({ error: "helpful is true (yes), false (no) or null (take it back)" })
      .nullable()
      .optional(),
  })
  .strict()
  .refine((b) => b.rating !== undefined || b.helpful !== undefined, {
    message: "send a rating (1–5) and/or helpful (true or false)",
  });

function notFound(slug: string) {
  return new NotFound(msg("Api.feedback.thereIsNoPublished", { slug: slug.slice(0, 200) }));
}

export async function feedbackFor(db: Db, slug: string, voterKey: string | null): Promise<FeedbackState> {
  const s = await getFeedback(db, slug, voterKey);
  if (!s) throw notFound(slug);
  return s;
}

export async function giveFeedback(
  db: Db,
  slug: string,
  voter: { key: string; viewer: Viewer | null },
  change: FeedbackChange,
  ipHash: string,
): Promise<FeedbackState> {
  if (voter.viewer) {
    const d = decide(voter.viewer, "vote");
    if (!d.ok) throw refusal(d);
  }
  const articleId = await publishedArticleId(db, slug);
  if (!articleId) throw notFound(slug);
  await consume("feedback_ip", ipHash);
  // a signed-out reader's first answer on this article spends one of the network's few anonymous votes
  // on it today (hole 7); changing an earlier answer does not
  const anon = voter.viewer ? null : anonVoteKey(`article:${articleId}`, ipHash);
  if (anon && !(await hasFeedback(db, articleId, voter.key))) await consume("anon_vote", anon);
  const s = await setFeedback(
    db,
    articleId,
    { voterKey: voter.key, userId: voter.viewer?.id ?? null },
    change,
  );
  await invalidate([cacheTags.article(slug)]);
  return s;
}
