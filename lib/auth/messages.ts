// What the sign-in page says for each outcome Auth.js (or our route guard) sends it back with, as
// ?error=<type>. Unknown values get the generic line: a URL parameter is never shown as text.
import { LOCAL_BASE, safeRedirectPath } from "@/lib/http/redirect";

export const WRONG_CREDENTIALS = "That email and password do not match an account.";

const ERRORS: Record<string, string> = {
  CredentialsSignin: WRONG_CREDENTIALS,
  Verification:
    "That sign-in link has expired or has already been used (each link works once, for a limited time). Ask for a new one below.",
  OAuthAccountNotLinked:
    "An account with this email address already exists. Sign in with your password or an email link instead.",
  AccessDenied: "This account cannot sign in.",
  UnknownProvider: "That sign-in method is not available here. Use one of the methods below.",
  MissingCSRF: "The form had expired. Please try again.",
  OAuthCallbackError: "Signing in with that service did not complete. Please try again.",
  OAuthSignin: "Signing in with that service did not start. Please try again.",
  EmailSignin: "We could not send the email just now. Please try again in a few minutes.",
};

export const GENERIC_SIGNIN_ERROR = "Signing in did not work just now. Please try again.";

export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== "string" || !code) return null;
  return ERRORS[code] ?? GENERIC_SIGNIN_ERROR;
}

const NOTICES: Record<string, string> = {
  password_changed: "Your password was changed and every session ended. Sign in with the new password.",
  password_reset: "Your new password is set and every other session ended. Sign in with it.",
  signed_out_everywhere: "You were signed out on every device.",
  verified: "Your email address is confirmed. Sign in to continue.",
  signed_out: "You are signed out.",
};

export function signInNotice(code: unknown): string | null {
  return typeof code === "string" ? (NOTICES[code] ?? null) : null;
}

/** Where to go after signing in: only paths on this site (lib/http/redirect's one rule). */
export function safeCallback(url: unknown): string {
  return safeRedirectPath(url, LOCAL_BASE);
}
