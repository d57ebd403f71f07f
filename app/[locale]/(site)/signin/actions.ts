"use server";
// Sign-in and sign-out forms (they work without JavaScript). Thin: limits and rules are in lib/auth.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import type { SignInState } from "@/components/auth/SignInForms";
import { signIn, signOut } from "@/lib/auth/config";
import { safeCallback } from "@/lib/auth/messages";
import { enabledOAuth, MAGIC_LINK_ID, magicLinkEnabled, type OAuthId } from "@/lib/auth/providers";
import { beginMagicLink, beginSignIn } from "@/lib/auth/signin-limits";
import { emailSchema } from "@/lib/auth/users";
import { clientIp } from "@/lib/http/client";
import { RateLimitedError } from "@/lib/rate-limit";
import { hasControlChars } from "@/lib/validation/text";

export type { SignInState };

function text(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

export async function passwordSignIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = text(form, "email").trim().toLowerCase();
  const password = text(form, "password");
  const redirectTo = safeCallback(form.get("callbackUrl"));
  const t = await getTranslations("SignIn");
  if (!email) return { error: t("enterEmail"), field: "email", email };
  if (hasControlChars(email)) return { error: t("controlChars"), field: "email", email: "" };
  if (!password) return { error: t("enterPassword"), field: "password", email };
  let attempt: Awaited<ReturnType<typeof beginSignIn>>;
  try {
    attempt = await beginSignIn(clientIp(await headers()), email);
  } catch (e) {
    if (e instanceof RateLimitedError) return { error: e.message, email };
    throw e;
  }
  try {
    await signIn("credentials", { email, password, redirect: false, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) {
      await attempt.failed();
      return { error: t("errors.CredentialsSignin"), email };
    }
    throw e;
  }
  await attempt.succeeded();
  redirect(redirectTo);
}

export async function magicLinkSignIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = text(form, "email");
  const t = await getTranslations("SignIn");
  if (!magicLinkEnabled()) return { error: t("noMagicLink"), email: raw };
  const email = emailSchema.safeParse(raw);
  if (!email.success) return { error: email.error.issues[0].message, field: "email", email: raw };
  try {
    await beginMagicLink(clientIp(await headers()), email.data);
  } catch (e) {
    if (e instanceof RateLimitedError) return { error: e.message, email: raw };
    throw e;
  }
  try {
    await signIn(MAGIC_LINK_ID, {
      email: email.data,
      redirect: false,
      redirectTo: safeCallback(form.get("callbackUrl")),
    });
  } catch (e) {
    if (e instanceof AuthError) return { error: t("errors.EmailSignin"), email: raw };
    throw e;
  }
  redirect("/check-email?for=signin");
}

export async function oauthSignIn(form: FormData): Promise<void> {
  const provider = text(form, "provider");
  if (!enabledOAuth().includes(provider as OAuthId)) redirect("/signin?error=UnknownProvider");
  await signIn(provider, { redirectTo: safeCallback(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?notice=signed_out" });
}
