"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

export function ProfileForm({
  name,
  showPollTag,
  canRename,
  locale,
}: {
  name: string;
  showPollTag: boolean;
  canRename: boolean;
  /** the language of the reader's mail (users.locale) */
  locale: string;
}) {
  const t = useTranslations("AccountProfileForm");
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: string; field?: string }>(
    {},
  );
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = {
      showPollTag: form.get("showPollTag") === "on",
      locale: String(form.get("locale") ?? "en"),
    };
    if (canRename) body.name = String(form.get("name") ?? "");
    setState({ busy: true });
    const r = await callApi<{ name: string }>("PATCH", "/api/v1/account", body);
    setState(r.ok ? { message: t("saved") } : { error: r.error.message, field: r.error.field });
  }
  return (
    <form onSubmit={save} className="mt-3 space-y-4">
      <Field
        label={t("name")}
        name="name"
        id="display-name"
        defaultValue={name}
        maxLength={50}
        required
        disabled={!canRename}
        hint={canRename ? t("nameHint") : t("nameLocked")}
        error={state.field === "name" ? state.error : null}
      />
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id="show-poll-tag"
          name="showPollTag"
          defaultChecked={showPollTag}
          aria-describedby="show-poll-tag-hint"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="show-poll-tag">{t("pollTag")}</label>
          <p id="show-poll-tag-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("pollTagHint")}
          </p>
        </div>
      </div>
      <label className="flex flex-col gap-1">
        {t("language")}
        <select name="locale" defaultValue={locale} className={`${inputClass} max-w-xs`}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass()} disabled={state.busy}>
        {t("save")}
      </button>
      <p role={state.error ? "alert" : "status"} className="text-sm">
        {state.field === "name" ? null : (state.error ?? state.message)}
      </p>
    </form>
  );
}
