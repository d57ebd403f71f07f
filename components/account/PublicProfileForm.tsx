"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

/** The public profile: its address (/readers/{handle}, changeable once per 30 days) and hiding it. */
export function PublicProfileForm({
  handle,
  hidden,
  nextChange,
}: {
  handle: string;
  hidden: boolean;
  /** ISO date from which the handle may change again; null: now */
  nextChange: string | null;
}) {
  const t = useTranslations("AccountPublicProfile");
  const f = useFormatter();
  const [current, setCurrent] = useState({ handle, hidden });
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: string; field?: string }>(
    {},
  );
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (state.busy) return;
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = { profileHidden: form.get("profileHidden") === "on" };
    const h = String(form.get("handle") ?? "").trim();
    if (h && h !== current.handle) body.handle = h;
    setState({ busy: true });
    const r = await callApi<{ handle: string; profileHidden: boolean }>("PATCH", "/api/v1/account", body);
    if (r.ok) {
      setCurrent({ handle: r.data.handle, hidden: r.data.profileHidden });
      setState({ message: r.data.profileHidden ? t("savedHidden") : t("saved") });
    } else setState({ error: r.error.message, field: r.error.field });
  }
  return (
    <form onSubmit={save} className="mt-3 space-y-4">
      <Field
        label={t("address")}
        name="handle"
        id="profile-handle"
        defaultValue={current.handle}
        maxLength={30}
        pattern="[a-z0-9][a-z0-9\-]{1,28}[a-z0-9]"
        autoCapitalize="none"
        spellCheck={false}
        disabled={Boolean(nextChange)}
        hint={
          <>
            {t.rich("yours", {
              handle: current.handle,
              a: (c) => <a href={`/readers/${current.handle}`}>{c}</a>,
            })}{" "}
            {nextChange ? t("nextChange", { date: f.dateTime(new Date(nextChange), "long") }) : t("rule")}
          </>
        }
        error={state.field === "handle" ? state.error : null}
      />
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id="profile-hidden"
          name="profileHidden"
          defaultChecked={current.hidden}
          className="mt-1 h-4 w-4"
          aria-describedby="profile-hidden-hint"
        />
        <div>
          <label htmlFor="profile-hidden">{t("hide")}</label>
          <p id="profile-hidden-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("hideHint")}
          </p>
        </div>
      </div>
      <button type="submit" className={buttonClass("secondary")} aria-disabled={state.busy || undefined}>
        {t("save")}
      </button>
      <p role={state.error ? "alert" : "status"} className="text-sm">
        {state.field === "handle" ? null : (state.error ?? state.message)}
      </p>
    </form>
  );
}
