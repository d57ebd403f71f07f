"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export type SignInState = { error?: string; field?: string; email?: string } | null;
type FormAction<S> = (prev: S, form: FormData) => Promise<S>;

/** The sign-in server actions, passed in by the page (components never import from app/). */
export interface SignInActions {
  passwordSignIn: FormAction<SignInState>;
  magicLinkSignIn: FormAction<SignInState>;
  oauthSignIn: (form: FormData) => Promise<void>;
}

export interface SignInFormsProps {
  callbackUrl: string;
  magicLink: boolean;
  oauth: { id: string; name: string }[];
  actions: SignInActions;
}

export function SignInForms({ callbackUrl, magicLink, oauth, actions }: SignInFormsProps) {
  const t = useTranslations("SignIn");
  const { passwordSignIn, magicLinkSignIn, oauthSignIn } = actions;
  const [pw, pwAction, pwPending] = useActionState(passwordSignIn, null);
  const [ml, mlAction, mlPending] = useActionState(magicLinkSignIn, null);
  return (
    <>
      <section className="mt-6">
        <h2 id="pw-heading" className="text-lg font-semibold">
          {t("withPassword")}
        </h2>
        {pw?.error ? <Notice tone="error">{pw.error}</Notice> : null}
        <form action={pwAction} className="mt-3 space-y-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field
            label={t("email")}
            name="email"
            id="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={pw?.email}
            key={`pw-email-${pw?.email ?? ""}`}
          />
          <Field
            label={t("password")}
            name="password"
            id="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <button type="submit" className={buttonClass()} aria-disabled={pwPending || undefined}>
              {t("submit")}
            </button>
            <Link href="/forgot-password">{t("forgot")}</Link>
          </div>
        </form>
      </section>
      {magicLink ? (
        <section className="mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="ml-heading" className="text-lg font-semibold">
            {t("withLink")}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("linkHint")}</p>
          {ml?.error ? <Notice tone="error">{ml.error}</Notice> : null}
          <form action={mlAction} className="mt-3 space-y-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Field
              label={t("linkTo")}
              name="email"
              id="magic-email"
              type="email"
              autoComplete="email"
              required
              defaultValue={ml?.email}
              key={`ml-email-${ml?.email ?? ""}`}
            />
            <button type="submit" className={buttonClass("secondary")} aria-disabled={mlPending || undefined}>
              {t("sendLink")}
            </button>
          </form>
        </section>
      ) : null}
      {oauth.length ? (
        <section className="mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="oauth-heading" className="text-lg font-semibold">
            {t("withOther")}
          </h2>
          <div className="mt-3 flex flex-wrap gap-3">
            {oauth.map((p) => (
              <form key={p.id} action={oauthSignIn}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className={buttonClass("secondary")}>
                  {t("continueWith", { name: p.name })}
                </button>
              </form>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
