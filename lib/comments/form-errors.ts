// What the comments page says when a comment form (no JavaScript) comes back with ?error=<code>
// (issue 12, hole 11): the URL carries a code only, and each code maps to a fixed sentence, worded in
// the "CommentErrors" messages (messages/{locale}/site.json). Unknown codes get the generic sentence:
// text from a URL is never shown, so a link cannot put words in our mouth.

export const COMMENT_FORM_ERRORS = [
  "empty",
  "too_short",
  "too_long",
  "invalid_text",
  "invalid_input",
  "invalid_parent",
  "parent_deleted",
  "parent_not_public",
  "too_deep",
  "comments_closed",
  "article_closed",
  "account_restricted",
  "author_banned",
  "author_suspended",
  "email_unverified",
  "rate_limited",
  "rate_limited_network",
  "not_found",
  "forbidden",
  "unauthenticated",
  "expired_page",
  "unknown_option",
  "poll_results_hidden",
] as const;

export type CommentFormError =
  | { key: (typeof COMMENT_FORM_ERRORS)[number] | "generic"; values?: undefined }
  | { key: "too_short_limit"; values: { min: number } }
  | { key: "too_long_limit"; values: { max: number } };

/**
 * The message key (and its figures) for an error code from the URL (null when there is none). With the
 * enforced comment limits (the server's own figures, never the URL's), the length sentences name them.
 */
export function commentFormError(
  code: unknown,
  limits?: { minLength: number; maxLength: number },
): CommentFormError | null {
  if (typeof code !== "string" || code === "") return null;
  if (limits && code === "too_short") return { key: "too_short_limit", values: { min: limits.minLength } };
  if (limits && code === "too_long") return { key: "too_long_limit", values: { max: limits.maxLength } };
  return (COMMENT_FORM_ERRORS as readonly string[]).includes(code)
    ? { key: code as (typeof COMMENT_FORM_ERRORS)[number] }
    : { key: "generic" };
}

/** Codes are short lowercase words: anything else is not worth carrying in a URL. */
export function errorCodeForUrl(code: string): string {
  return /^[a-z_]{1,40}$/.test(code) ? code : "error";
}
