import type { Phase } from "../types";

/**
 * Comments on a closed article are refused: the one place "comments closed" is decided (for new
 * comments and edits alike); lib/comments/write turns the refusal into 403 `comments_closed`.
 */
export const commentsClosed: Phase = {
  name: "comments_closed",
  run(_input, ctx) {
    if (!ctx.article.commentsOpen)
      return {
        status: "rejected",
        reason: "comments_closed",
        message: "Comments on this article are closed.",
      };
  },
};
