// A moderation context for unit tests of phases: the facts a phase may ask for are given as plain
// values (the database versions in lib/moderation/facts.ts are covered by the integration tests).
import type { Db } from "@/db/client";
import type { ModerationContext, ModerationFacts, ModerationInput } from "@/lib/moderation/types";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/settings/schema";

export interface FactValues {
  approved?: number;
  /** seconds the author / the network must wait (0 or absent: allowed) */
  authorWait?: number;
  ipWait?: number;
  bodies?: string[];
  articleRecent?: number;
  outcomes?: { status: string; decidedBy: string | null }[];
}

export interface TestCtx extends ModerationContext {
  /** what the phase asked for, in order (e.g. to check that a since-date was used) */
  asked: { fact: string; arg?: unknown }[];
  surges: { until: Date; why: Record<string, unknown> }[];
}

export const NOW = new Date("2030-06-01T12:00:00Z");

export function makeCtx(
  opts: {
    settings?: Partial<Settings>;
    article?: Partial<ModerationContext["article"]>;
    author?: Partial<ModerationContext["author"]>;
    facts?: FactValues;
    now?: Date;
  } = {},
): TestCtx {
  const f = opts.facts ?? {};
  const asked: TestCtx["asked"] = [];
  const surges: TestCtx["surges"] = [];
  const ask = <T>(fact: string, value: T, arg?: unknown): Promise<T> => {
    asked.push(arg === undefined ? { fact } : { fact, arg });
    return Promise.resolve(value);
  };
  const facts: ModerationFacts = {
    authorApprovedCount: (cap) => ask("approved", Math.min(f.approved ?? 0, cap), cap),
    commentAllowance: (limits) => ask("allowance", { author: f.authorWait ?? 0, ip: f.ipWait ?? 0 }, limits),
    authorBodiesSince: (since) => ask("bodies", f.bodies ?? [], since),
    articleCommentsSince: (since, cap) => ask("articleRecent", Math.min(f.articleRecent ?? 0, cap), since),
    articleLatestOutcomes: (since, limit) =>
      ask("outcomes", (f.outcomes ?? []).slice(0, limit), { since, limit }),
    startSurge: async (until, _now, why) => {
      surges.push({ until, why });
    },
  };
  return {
    // phases never touch the database directly; they ask `facts`
    db: null as unknown as Db,
    now: opts.now ?? NOW,
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    facts,
    article: {
      id: "00000000-0000-4000-8000-000000000001",
      commentsOpen: true,
      moderationMode: "default",
      surgeUntil: null,
      quietStart: null,
      quietEnd: null,
      ...opts.article,
    },
    author: {
      id: "u1",
      status: "active",
      suspendedUntil: null,
      role: "reader",
      createdAt: new Date("2030-01-01T00:00:00Z"),
      ...opts.author,
    },
    asked,
    surges,
  };
}

export function input(body: string, extra: Partial<ModerationInput> = {}): ModerationInput {
  return {
    body,
    articleId: "00000000-0000-4000-8000-000000000001",
    authorId: "u1",
    parentId: null,
    ipHash: "ip-hash",
    ...extra,
  };
}
