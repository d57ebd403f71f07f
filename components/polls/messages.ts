// What the JavaScript-free poll page says after a form post (the post redirects with a code, never with
// free text, so a crafted link cannot make the page say anything else).
export const DONE_MESSAGES: Record<string, string> = {
  voted: "Thank you, your vote was counted.",
  changed: "Your vote was changed.",
  unchanged: "Your vote is unchanged.",
  withdrawn: "Your vote was withdrawn.",
  not_voted: "You had no vote to withdraw.",
};

export const ERROR_MESSAGES: Record<string, string> = {
  empty_choice: "Choose an option first.",
  too_many_options: "You chose more options than this poll allows.",
  invalid_option: "That choice is not an option of this poll.",
  duplicate_option: "Each option can be chosen only once.",
  poll_closed: "This poll has closed: votes can no longer be cast, changed or withdrawn.",
  sign_in_required: "Only signed-in readers can vote in this poll. Sign in to vote.",
  rate_limited: "Too many votes from your network. Please wait a minute and try again.",
  account_restricted: "Your account cannot vote at the moment.",
  email_unverified: "Confirm your email address first, then vote.",
};

export function formMessage(done?: string, error?: string): { text: string; error: boolean } | null {
  if (error)
    return {
      text: ERROR_MESSAGES[error] ?? "Your vote could not be recorded. Please try again.",
      error: true,
    };
  if (done && DONE_MESSAGES[done]) return { text: DONE_MESSAGES[done], error: false };
  return null;
}
