import type { Phase } from "../types";

/** Comments on a closed article are refused. */
export const articleClosed: Phase = {
  name: "article_closed",
  run(_input, ctx) {
    if (!ctx.article.commentsOpen)
      return {
        status: "rejected",
        reason: "article_closed",
        message: "Comments on this article are closed.",
      };
  },
};
