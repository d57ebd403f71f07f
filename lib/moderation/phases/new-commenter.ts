import type { Phase } from "../types";

/** The first K comments of a new commenter are held (K from the settings; 0 turns this off). */
export const newCommenter: Phase = {
  name: "new_commenter",
  prefetch(_input, ctx) {
    const k = ctx.settings.newCommenterHoldCount;
    if (k > 0 && ctx.author.role === "reader") ctx.facts.authorApprovedCount(k).catch(() => {});
  },
  async run(_input, ctx) {
    const k = ctx.settings.newCommenterHoldCount;
    if (k <= 0 || ctx.author.role !== "reader") return;
    const approved = await ctx.facts.authorApprovedCount(k);
    if (approved >= k) return;
    return {
      status: "pending",
      reason: "new_commenter",
      message: `Held for review: the first ${k === 1 ? "comment" : `${k} comments`} of a new commenter ${k === 1 ? "is" : "are"} read by a moderator before ${k === 1 ? "it appears" : "they appear"}.`,
      tags: ["new_commenter"],
    };
  },
};
