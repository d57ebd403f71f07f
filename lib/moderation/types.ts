// The moderation pipeline's vocabulary. Every new or edited comment passes an ordered list of phases;
// each phase looks at the comment and its context and returns nothing (no opinion) or a verdict.
// The first phase that decides a status ends the run (Coral Talk's pipeline, simplified).
import type { Db } from "@/db/client";

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

/** What phases may read; loaded once per run. */
export interface ModerationContext {
  db: Db;
  now: Date;
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

export interface PhaseVerdict {
  status?: ModerationStatus;
  /** machine-readable reason, e.g. "banned_word" */
  reason?: string;
  /** what the author is told, specific ("held for review: links from new commenters are checked first") */
  message?: string;
  tags?: string[];
}

export interface Phase {
  name: string;
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
}
