// The moderation pipeline's vocabulary. Every new or edited comment passes an ordered list of phases;
// each phase looks at the comment and its context and returns nothing (no opinion) or a verdict.
// The first phase that decides a status ends the run (Coral Talk's pipeline, simplified).
import type { Db } from "@/db/client";
import type { Limit } from "@/lib/rate-limit";
import type { Settings } from "@/lib/settings/schema";

export type ModerationStatus = "approved" | "pending" | "rejected" | "spam";

export interface ModerationInput {
  body: string;
  articleId: string;
  authorId: string;
  parentId: string | null;
  /** keyed hash of the client IP (lib/http/client.ts ipHash) */
  ipHash: string;
  /** set when an existing comment is edited */
  commentId?: string;
  /** the form's honeypot field; real readers leave it empty */
  honeypot?: string;
}

/**
 * What phases need from the database, asked lazily (a phase that never runs costs no query) and
 * memoised per run. lib/moderation/facts.ts answers from the database; unit tests give plain values.
 * ReadFacts only read, so a prefetch may ask for them ahead of time; the rest change something and
 * belong to the phase's `run`, when it decides.
 */
export interface ReadFacts {
  /**
   * the author's approved comments, all articles (the comment being edited excluded), counted up to
   * `cap`: enough to compare with a threshold, however many the author has
   */
  authorApprovedCount(cap: number): Promise<number>;
  /** bodies of the author's comments created since `since` (newest first, at most 20) */
  authorBodiesSince(since: Date): Promise<string[]>;
  /** comments on the article created since `since`, counted up to `cap` */
  articleCommentsSince(since: Date, cap: number): Promise<number>;
  /** the article's latest comments created since `since` (newest first, at most `limit`) */
  articleLatestOutcomes(since: Date, limit: number): Promise<{ status: string; decidedBy: string | null }[]>;
}

export const READ_FACTS = [
  "authorApprovedCount",
  "authorBodiesSince",
  "articleCommentsSince",
  "articleLatestOutcomes",
] as const satisfies readonly (keyof ReadFacts)[];

export interface ModerationFacts extends ReadFacts {
  /**
   * Spends one new comment from the author's and the network's allowance (lib/rate-limit: atomic,
   * shared by instances): for each, 0 when allowed, else the seconds until it may post again.
   */
  commentAllowance(limits: { author: Limit; ip: Limit }): Promise<{ author: number; ip: number }>;
  /** switches the article to premoderation until `until` unless a surge is already on at `now` */
  startSurge(until: Date, now: Date, why: Record<string, unknown>): Promise<void>;
}

/** What phases may read; loaded once per run. */
export interface ModerationContext {
  db: Db;
  now: Date;
  settings: Settings;
  facts: ModerationFacts;
  article: {
    id: string;
    commentsOpen: boolean;
    moderationMode: "default" | "post" | "pre";
    surgeUntil: Date | null;
    quietStart: string | null;
    quietEnd: string | null;
  };
  author: {
    id: string;
    status: "active" | "suspended" | "banned";
    suspendedUntil: Date | null;
    role: "reader" | "moderator" | "admin";
    createdAt: Date;
  };
}

/** What a prefetch sees: the context with facts that only read (it can spend and change nothing). */
export type PrefetchContext = Omit<ModerationContext, "facts"> & { facts: ReadFacts };

export interface PhaseVerdict {
  status?: ModerationStatus;
  /** machine-readable reason, e.g. "banned_word" */
  reason?: string;
  /** what the author is told, specific ("held for review: links from new commenters are checked first") */
  message?: string;
  tags?: string[];
  /** with a refusal for going too fast: when the author may try again */
  retryAfterSeconds?: number;
}

export interface Phase {
  name: string;
  /**
   * Starts the fact reads `run` will make (ctx.facts memoises them), so that the pipeline's reads go to
   * the database together instead of one phase after another. Optional; never decides anything, and
   * reads only: a comment refused by an earlier phase must cost nothing (no allowance spent).
   */
  prefetch?(input: ModerationInput, ctx: PrefetchContext): void;
  run(
    input: ModerationInput,
    ctx: ModerationContext,
  ): Promise<PhaseVerdict | undefined> | PhaseVerdict | undefined;
}

export interface Verdict {
  status: ModerationStatus;
  /** the phase that decided */
  phase: string;
  reason: string;
  message: string;
  tags: string[];
  retryAfterSeconds?: number;
}
