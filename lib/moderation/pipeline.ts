// Runs the phases in order; the first phase that decides a status ends the run. Tags accumulate.
import type { ModerationContext, ModerationInput, Phase, Verdict } from "./types";

export async function runPipeline(
  phases: Phase[],
  input: ModerationInput,
  ctx: ModerationContext,
): Promise<Verdict> {
  const tags: string[] = [];
  for (const phase of phases) {
    try {
      phase.prefetch?.(input, ctx);
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
