// The comment rules that an operator may want to change, in one place. The admin's settings
// (lib/settings) decide; the environment (AGORA_COMMENT_MIN, AGORA_COMMENT_MAX,
// AGORA_COMMENT_EDIT_MINUTES) gives the defaults used until a setting is saved, and what pages show
// before the settings are read. The thread shape below is fixed by design, not configuration.
import type { Db } from "@/db/client";
import { getSettings } from "@/lib/settings";
export interface CommentLimits {
  /** shortest body, in characters (Unicode code points) after trimming */
  minLength: number;
  /** longest body, in characters */
  maxLength: number;
  /** how long after posting the author may edit, in minutes */
  editWindowMinutes: number;
}

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const n = raw == null || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Limits for new and edited comments (env AGORA_COMMENT_MIN, AGORA_COMMENT_MAX, AGORA_COMMENT_EDIT_MINUTES). */
export function commentLimits(): CommentLimits {
  const minLength = intEnv("AGORA_COMMENT_MIN", 2, 1, 1000);
  const maxLength = Math.max(minLength, intEnv("AGORA_COMMENT_MAX", 5000, 1, 20000));
  return {
    minLength,
    maxLength,
    editWindowMinutes: intEnv("AGORA_COMMENT_EDIT_MINUTES", 15, 0, 7 * 24 * 60),
  };
}

/**
 * The limits the server enforces: the admin's settings (lib/settings) when set there, else the
 * environment defaults above. Pages show commentLimits() for the live counter; the server decides here.
 */
export async function enforcedCommentLimits(db: Db): Promise<CommentLimits> {
  const env = commentLimits();
  try {
    const s = await getSettings(db);
    return {
      minLength: s.commentMinLength ?? env.minLength,
      maxLength: s.commentMaxLength ?? env.maxLength,
      editWindowMinutes: s.editWindowMinutes ?? env.editWindowMinutes,
    };
  } catch {
    return env;
  }
}

/** Shape of the thread view; fixed by design, not configuration. */
export const THREADS = {
  /** top-level threads per page */
  pageSize: 20,
  /** largest page a client may ask for */
  maxPageSize: 50,
  /** pinned threads shown above the first page (newest pin first) */
  pinnedMax: 5,
  /** replies shown under one comment before "show N more replies" */
  repliesShown: 3,
  /** deepest reply shown nested on a page (roots are depth 0); deeper ones continue on the comment's page */
  visibleDepth: 6,
  /** replies fetched per thread (in thread order) to build a page: bounds the work per thread */
  perThreadBudget: 30,
  /** deepest reply that can be posted at all (keeps the ordering path short) */
  maxDepth: 64,
} as const;
