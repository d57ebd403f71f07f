import type { Phase } from "../types";

const TLDS =
  "com|net|org|info|biz|io|co|ru|cn|xyz|top|online|site|shop|club|me|tv|ly|gl|to|uk|de|fr|es|it|nl|pl|us|ca|au|in|br|app|dev|link|click|ws";
const LINK = new RegExp(
  `(?:https?://|\\bwww\\.|\\b[a-z0-9][a-z0-9-]{0,62}\\.(?:${TLDS})\\b(?:/|\\s|$|[.,;:!?)]))`,
  "i",
);

/** True when the text contains something a reader could follow as a link. */
export function containsLink(text: string): boolean {
  return LINK.test(text);
}

/** Links from commenters with fewer than K approved comments are held. */
export const links: Phase = {
  name: "links",
  async run(input, ctx) {
    if (!containsLink(input.body)) return;
    const k = ctx.settings.linksMinApproved;
    if (k <= 0 || ctx.author.role !== "reader") return { tags: ["link"] };
    if ((await ctx.facts.authorApprovedCount(k)) >= k) return { tags: ["link"] };
    return {
      status: "pending",
      reason: "link_from_new_commenter",
      message: "Held for review: links from new commenters are checked first.",
      tags: ["link"],
    };
  },
};
