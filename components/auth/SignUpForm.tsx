"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export type SignUpState = {
  error?: string;
  field?: string;
  name?: string;
  handle?: string;
  email?: string;
} | null;

/** `signUpAction` is the page's server action (components never import from app/). */
export function SignUpForm({
  passwordMin,
  signUpAction,
}: {
  passwordMin: number;
  signUpAction: (prev: SignUpState, form: FormData) => Promise<SignUpState>;
}) {
  const t = useTranslations("SignUp");
  const [state, action, pending] = useActionState(signUpAction, null);
  const err = (field: string) => (state?.field === field ? state.error : null);
  return (
    <>
      {state?.error && !["name", "handle", "email", "password"].includes(state.field ?? "") ? (
        <Notice tone="error">{state.error}</Notice>
      ) : null}
      <form action={action} className="mt-6 space-y-4" noValidate>
        <Field
          label={t("name")}
          name="name"
          id="name"
          autoComplete="nickname"
          required
          maxLength={50}
          hint={t("nameHint")}
          error={err("name")}
          defaultValue={state?.name}
          key={`name-${state?.name ?? ""}`}
        />
        <Field
          label={t("handle")}
          name="handle"
          id="handle"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={30}
          hint={t("handleHint")}
          error={err("handle")}
          defaultValue={state?.handle}
          key={`handle-${state?.handle ?? ""}`}
        />
        <Field
          label={t("email")}
          name="email"
          id="email"
          type="email"
          autoComplete="email"
          required
          hint={t("emailHint")}
          error={err("email")}
          defaultValue={state?.email}
          key={`email-${state?.email ?? ""}`}
        />
        <Field
          label={t("password")}
          name="password"
          id="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordMin}
          hint={t("passwordHint", { min: passwordMin })}
          error={err("password")}
        />
        <button type="submit" className={buttonClass()} aria-disabled={pending || undefined}>
          {t("submit")}
        </button>
      </form>
    </>
  );
}
