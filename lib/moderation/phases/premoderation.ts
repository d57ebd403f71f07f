import type { Phase } from "../types";

/** The article's moderation mode (or the site default for "default") is premoderation: hold all. */
export const premoderation: Phase = {
  name: "premoderation",
  run(_input, ctx) {
    const mode =
      ctx.article.moderationMode === "default"
        ? ctx.settings.defaultModerationMode
        : ctx.article.moderationMode;
    if (mode !== "pre" || ctx.author.role !== "reader") return;
    return {
      status: "pending",
      reason: "premoderation",
      message: "Held for review: comments on this article appear after a moderator has read them.",
    };
  },
};
