"use client";
// "Forgot password": asks for the address and says the same thing whether or not it has an account.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field, Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function ForgotPasswordForm() {
  const t = useTranslations("Forgot");
  const [state, setState] = useState<{ busy?: boolean; sent?: string; error?: string; field?: string }>({});
  const statusRef = useRef<HTMLDivElement>(null);
  async function send(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (state.busy) return;
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    setState({ busy: true });
    const r = await callApi<{ message: string }>("POST", "/api/v1/auth/password-reset", { email });
    setState(r.ok ? { sent: r.data.message } : { error: r.error.message, field: r.error.field });
    requestAnimationFrame(() => statusRef.current?.focus());
  }
  return (
    <form onSubmit={send} className="mt-6 space-y-4" noValidate>
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        hint={t("emailHint")}
        error={state.field === "email" ? state.error : null}
      />
      <button type="submit" className={buttonClass()} aria-disabled={state.busy || undefined}>
        {t("submit")}
      </button>
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        {state.sent ? <Notice tone="success">{state.sent}</Notice> : null}
        {state.error && state.field !== "email" ? <Notice tone="error">{state.error}</Notice> : null}
      </div>
    </form>
  );
}
