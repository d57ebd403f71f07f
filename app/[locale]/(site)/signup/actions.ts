"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { SignUpState } from "@/components/auth/SignUpForm";
import { signIn } from "@/lib/auth/config";
import { signUp } from "@/lib/auth/signup";
import { withDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client";

export type { SignUpState };

export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const raw = {
    name: form.get("name"),
    handle: form.get("handle"),
    email: form.get("email"),
    password: form.get("password"),
  };
  const h = await headers();
  const keep = {
    name: typeof raw.name === "string" ? raw.name : "",
    handle: typeof raw.handle === "string" ? raw.handle : "",
    email: typeof raw.email === "string" ? raw.email : "",
  };
  // the reader's language: the account keeps it for mail (users.locale), and errors are shown in it
  const locale = await getLocale();
  let email: string;
  try {
    const user = await withDb(signUp, raw, { ip: clientIp(h), origin: h.get("origin") ?? undefined, locale });
    email = user.email!;
  } catch (e) {
    if (e instanceof DomainError) return { error: e.messageIn(locale), field: e.field, ...keep };
    throw e;
  }
  // signed in at once: reading works now; commenting waits for the confirmation link
  await signIn("credentials", { email, password: raw.password as string, redirect: false });
  redirect("/check-email?for=signup");
}
