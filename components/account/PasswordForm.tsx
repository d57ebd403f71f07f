"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function PasswordForm({ hasPassword, passwordMin }: { hasPassword: boolean; passwordMin: number }) {
  const t = useTranslations("AccountPasswordForm");
  const [state, setState] = useState<{ busy?: boolean; error?: string; field?: string }>({});
  async function change(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setState({ busy: true });
    const r = await callApi("POST", "/api/v1/account/password", {
      currentPassword: hasPassword ? String(form.get("currentPassword") ?? "") : undefined,
      newPassword: String(form.get("newPassword") ?? ""),
    });
    if (r.ok) window.location.assign("/signin?notice=password_changed");
    else setState({ error: r.error.message, field: r.error.field });
  }
  const err = (f: string) => (state.field === f ? state.error : null);
  return (
    <form onSubmit={change} className="mt-3 space-y-4" noValidate>
      {hasPassword ? (
        <Field
          label={t("current")}
          name="currentPassword"
          id="current-password"
          type="password"
          autoComplete="current-password"
          required
          error={err("currentPassword")}
        />
      ) : (
        <p className="text-sm">{t("noPassword")}</p>
      )}
      <Field
        label={t("new")}
        name="newPassword"
        id="new-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordMin}
        hint={t("hint", { min: passwordMin })}
        error={err("newPassword")}
      />
      <button type="submit" className={buttonClass()} disabled={state.busy}>
        {hasPassword ? t("change") : t("set")}
      </button>
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {state.error && !["currentPassword", "newPassword"].includes(state.field ?? "") ? state.error : null}
      </p>
    </form>
  );
}
