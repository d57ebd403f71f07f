// What the comments page says when a comment form (no JavaScript) comes back with ?error=<code>
// (issue 12, hole 11): the URL carries a code only, and each code maps to a fixed sentence. Unknown codes
// get the generic sentence: text from a URL is never shown, so a link cannot put words in our mouth.

const MESSAGES: Record<string, string> = {
  empty: "Your comment is empty. Write something before posting.",
  too_short: "Your comment is too short. Add a little more before posting.",
  too_long: "Your comment is too long. Shorten it and post again.",
  invalid_text: "Your comment contains characters we cannot accept. Remove them and post again.",
  invalid_input: "Your comment could not be read. Please try again.",
  invalid_parent: "The comment you replied to is not there any more.",
  parent_deleted: "That comment was deleted; replies to it are closed.",
  parent_not_public: "Your comment is not published yet; replies can follow once it is.",
  too_deep: "This thread is too deep; reply to an earlier comment instead.",
  comments_closed: "Comments on this article are closed.",
  article_closed: "Comments on this article are closed.",
  account_restricted: "Your account cannot post comments right now. You can still read.",
  author_banned: "Your account is banned from commenting. You can still read.",
  author_suspended: "Your account is suspended from commenting for now. You can still read.",
  email_unverified:
    "Confirm your email address first: use the link we sent you (or ask for a new one on your account page).",
  rate_limited: "You are posting too fast. Wait a minute and try again.",
  rate_limited_network: "Too many comments from your network just now. Wait a minute and try again.",
  not_found: "That article or comment could not be found.",
  forbidden: "You cannot do that.",
  unauthenticated: "Sign in to comment.",
  expired_page: "That link to a page of comments has expired; here is the first page.",
  unknown_option: "That poll option is not one of this article's; here are all comments.",
  poll_results_hidden:
    "That poll's results are hidden for now, so comments cannot be filtered by its votes; here are all comments.",
};

export const GENERIC_COMMENT_ERROR = "Your comment could not be posted. Please try again.";

/**
 * The fixed sentence for an error code from the URL (null when there is none). With the enforced
 * comment limits (the server's own figures, never the URL's), the length sentences name them.
 */
export function commentFormErrorMessage(
  code: unknown,
  limits?: { minLength: number; maxLength: number },
): string | null {
  if (typeof code !== "string" || code === "") return null;
  if (limits && code === "too_short")
    return `Your comment is too short: a comment needs at least ${limits.minLength} characters.`;
  if (limits && code === "too_long")
    return `Your comment is too long: a comment can have at most ${limits.maxLength.toLocaleString("en-US")} characters.`;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : GENERIC_COMMENT_ERROR;
}

/** Codes are short lowercase words: anything else is not worth carrying in a URL. */
export function errorCodeForUrl(code: string): string {
  return /^[a-z_]{1,40}$/.test(code) ? code : "error";
}
