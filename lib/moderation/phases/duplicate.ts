import type { Phase, PrefetchContext } from "../types";

/** Whitespace and case do not make a comment different. */
export function normaliseForDuplicate(body: string): string {
  return body.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The same text as one of the author's own comments from the last few minutes. */
const windowStart = (ctx: PrefetchContext) =>
  new Date(ctx.now.getTime() - ctx.settings.duplicateWindowMinutes * 60_000);

export const duplicate: Phase = {
  name: "duplicate",
  prefetch(_input, ctx) {
    if (ctx.settings.duplicateWindowMinutes > 0)
      ctx.facts.authorBodiesSince(windowStart(ctx)).catch(() => {});
  },
  async run(input, ctx) {
    const minutes = ctx.settings.duplicateWindowMinutes;
    if (minutes <= 0) return;
    const body = normaliseForDuplicate(input.body);
    const recent = await ctx.facts.authorBodiesSince(windowStart(ctx));
    if (recent.some((b) => normaliseForDuplicate(b) === body))
      return {
        status: "rejected",
        reason: "duplicate",
        message: `Not published: you posted the same comment in the last ${minutes} minutes.`,
      };
  },
};
