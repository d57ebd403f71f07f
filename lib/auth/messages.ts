// What the sign-in page says for each outcome Auth.js (or our route guard) sends it back with, as
// ?error=<type>: the codes known here are worded in the "SignIn" messages (messages/{locale}/site.json);
// unknown values get the generic line: a URL parameter is never shown as text.
import { LOCAL_BASE, safeRedirectPath } from "@/lib/http/redirect";

export const SIGNIN_ERRORS = [
  "CredentialsSignin",
  "Verification",
  "OAuthAccountNotLinked",
  "AccessDenied",
  "UnknownProvider",
  "MissingCSRF",
  "OAuthCallbackError",
  "OAuthSignin",
  "EmailSignin",
] as const;
export type SignInError = (typeof SIGNIN_ERRORS)[number] | "generic";

export function signInErrorCode(code: unknown): SignInError | null {
  if (typeof code !== "string" || !code) return null;
  return (SIGNIN_ERRORS as readonly string[]).includes(code) ? (code as SignInError) : "generic";
}

export const SIGNIN_NOTICES = [
  "password_changed",
  "password_reset",
  "signed_out_everywhere",
  "verified",
  "signed_out",
] as const;
export type SignInNotice = (typeof SIGNIN_NOTICES)[number];

export function signInNoticeCode(code: unknown): SignInNotice | null {
  return typeof code === "string" && (SIGNIN_NOTICES as readonly string[]).includes(code)
    ? (code as SignInNotice)
    : null;
}

/** Where to go after signing in: only paths on this site (lib/http/redirect's one rule). */
export function safeCallback(url: unknown): string {
  return safeRedirectPath(url, LOCAL_BASE);
}
