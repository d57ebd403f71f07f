// A reader who voted or rated anonymously and then signs in: the first signed-in request that carries
// both the voter cookie and a session moves those answers to the account, in one transaction, without
// counting anyone twice (lib/polls/votes.ts and lib/feedback/feedback.ts say how each is merged).
// Idempotent: once moved, nothing is left under the anonymous key.
import "server-only";
import type { Db } from "@/db/client";
import { cacheTags, invalidate } from "@/lib/cache";
import { transactionWithRetry } from "@/lib/db";
import { mergeFeedbackTx } from "@/lib/feedback/feedback";
import { announceTotals } from "@/lib/polls/live";
import { mergePollVotesTx } from "@/lib/polls/votes";
import { anonKey } from "./identity";

export interface MergeResult {
  polls: string[];
  articles: string[];
}

/** Moves the anonymous voter's poll votes and article feedback to the account (one transaction). */
export async function mergeAnonymousIntoAccount(
  db: Db,
  anonId: string,
  userId: string,
): Promise<MergeResult> {
  const key = anonKey(anonId);
  return transactionWithRetry(db, async (tx) => {
    const polls = await mergePollVotesTx(tx, key, userId);
    const articles = await mergeFeedbackTx(tx, key, userId);
    return { polls, articles };
  });
}

/** The merge plus what follows a commit: live totals and the cached article pages' figures. */
export async function mergeAndAnnounce(db: Db, anonId: string, userId: string): Promise<MergeResult> {
  const r = await mergeAnonymousIntoAccount(db, anonId, userId);
  for (const id of r.polls) announceTotals(id);
  if (r.articles.length) await invalidate(r.articles.map((s) => cacheTags.article(s)));
  return r;
}
