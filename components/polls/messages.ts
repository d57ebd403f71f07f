// What the JavaScript-free poll page says after a form post (the post redirects with a code, never with
// free text, so a crafted link cannot make the page say anything else). The wording is in the
// "PollForm" messages (messages/{locale}/site.json), one key per code.
import type { useTranslations } from "next-intl";

const DONE = ["voted", "changed", "unchanged", "withdrawn", "not_voted"] as const;
const ERRORS = [
  "empty_choice",
  "too_many_options",
  "invalid_option",
  "duplicate_option",
  "poll_closed",
  "sign_in_required",
  "rate_limited",
  "account_restricted",
  "email_unverified",
] as const;

type T = ReturnType<typeof useTranslations<"PollForm">>;
const known = <C extends string>(list: readonly C[], code: string): code is C =>
  (list as readonly string[]).includes(code);

export function formMessage(t: T, done?: string, error?: string): { text: string; error: boolean } | null {
  if (error) return { text: known(ERRORS, error) ? t(`error.${error}`) : t("error.other"), error: true };
  if (done && known(DONE, done)) return { text: t(`done.${done}`), error: false };
  return null;
}
