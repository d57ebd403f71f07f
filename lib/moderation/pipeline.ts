// Runs the phases in order; the first phase that decides a status ends the run. Tags accumulate.
import {
  type ModerationContext,
  type ModerationInput,
  type Phase,
  type PrefetchContext,
  READ_FACTS,
  type ReadFacts,
  type Verdict,
} from "./types";

/** The context a prefetch gets: the same, with only the facts that read. */
function prefetchView(ctx: ModerationContext): PrefetchContext {
  const facts = Object.fromEntries(READ_FACTS.map((k) => [k, ctx.facts[k]])) as unknown as ReadFacts;
  return { ...ctx, facts };
}

export async function runPipeline(
  phases: Phase[],
  input: ModerationInput,
  ctx: ModerationContext,
): Promise<Verdict> {
  const tags: string[] = [];
  const view = prefetchView(ctx);
  for (const phase of phases) {
    try {
      phase.prefetch?.(input, view);
    } catch {
      // a prefetch that fails to start changes nothing: run() reads (and reports) for itself
    }
  }
  for (const phase of phases) {
    const v = await phase.run(input, ctx);
    if (!v) continue;
    if (v.tags) tags.push(...v.tags);
    if (v.status) {
      return {
        status: v.status,
        phase: phase.name,
        reason: v.reason ?? phase.name,
        message: v.message ?? defaultMessage(v.status),
        tags,
        ...(v.retryAfterSeconds ? { retryAfterSeconds: v.retryAfterSeconds } : {}),
      };
    }
  }
  return { status: "approved", phase: "approve", reason: "approved", message: "Published.", tags };
}

function defaultMessage(status: Verdict["status"]): string {
  switch (status) {
    case "approved":
      return "Published.";
    case "pending":
      return "Held for review: a moderator will look at it soon.";
    case "spam":
      return "This looks like spam and was not published.";
    default:
      return "This comment was not published.";
  }
}
