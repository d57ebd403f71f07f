"use client";
// The page a reset link opens: a new password, then on to sign in (every session has ended).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field, Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function ResetPasswordForm({
  id,
  token,
  passwordMin,
}: {
  id: string;
  token: string;
  passwordMin: number;
}) {
  const t = useTranslations("Reset");
  const [state, setState] = useState<{ busy?: boolean; error?: string; field?: string }>({});
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (state.busy) return;
    const form = new FormData(e.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirmPassword") ?? ""))
      return setState({ error: t("mismatch"), field: "confirmPassword" });
    setState({ busy: true });
    const r = await callApi("POST", "/api/v1/auth/password-reset/confirm", { id, token, newPassword });
    if (r.ok) window.location.assign("/signin?notice=password_reset");
    else setState({ error: r.error.message, field: r.error.field });
  }
  const err = (f: string) => (state.field === f ? state.error : null);
  return (
    <form onSubmit={save} className="mt-6 space-y-4" noValidate>
      <Field
        label={t("newPassword")}
        name="newPassword"
        id="new-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordMin}
        hint={t("newPasswordHint", { min: passwordMin })}
        error={err("newPassword")}
      />
      <Field
        label={t("confirm")}
        name="confirmPassword"
        id="confirm-password"
        type="password"
        autoComplete="new-password"
        required
        error={err("confirmPassword")}
      />
      <button type="submit" className={buttonClass()} aria-disabled={state.busy || undefined}>
        {t("submit")}
      </button>
      {state.error && !["newPassword", "confirmPassword"].includes(state.field ?? "") ? (
        <Notice tone="error">{state.error}</Notice>
      ) : null}
    </form>
  );
}
