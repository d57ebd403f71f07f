"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function DeleteAccountForm({ phrase }: { phrase: string }) {
  const t = useTranslations("AccountDeleteForm");
  const [state, setState] = useState<{ busy?: boolean; error?: string; field?: string }>({});
  async function remove(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setState({ busy: true });
    const r = await callApi("DELETE", "/api/v1/account", {
      confirm: String(form.get("confirm") ?? ""),
      comments: form.get("comments") === "remove" ? "remove" : "keep",
    });
    if (r.ok) window.location.assign("/account/deleted");
    else setState({ error: r.error.message, field: r.error.field });
  }
  return (
    <form onSubmit={remove} className="mt-6 space-y-6" noValidate>
      <fieldset>
        <legend className="font-medium">{t("comments")}</legend>
        <div className="mt-2 flex items-start gap-2">
          <input
            type="radio"
            id="comments-keep"
            name="comments"
            value="keep"
            defaultChecked
            className="mt-1"
          />
          <label htmlFor="comments-keep">{t("keepThem")}</label>
        </div>
        <div className="mt-2 flex items-start gap-2">
          <input type="radio" id="comments-remove" name="comments" value="remove" className="mt-1" />
          <label htmlFor="comments-remove">{t("removeThem")}</label>
        </div>
      </fieldset>
      <Field
        label={t("confirm", { phrase })}
        name="confirm"
        id="confirm"
        autoComplete="off"
        required
        error={state.field === "confirm" ? state.error : null}
      />
      <button type="submit" className={buttonClass("danger")} disabled={state.busy}>
        {t("submit")}
      </button>
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {state.error && state.field !== "confirm" ? state.error : null}
      </p>
    </form>
  );
}
