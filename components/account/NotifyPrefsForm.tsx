"use client";
// E-mail preferences per kind (PATCH /api/v1/account {"notify": {...}}): immediately, in a digest, or off.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

type Value = "immediately" | "digest" | "off";
type Prefs = Record<"replies" | "mentions" | "decisions" | "follows", Value>;

const ROWS: Array<{ key: keyof Prefs }> = [
  { key: "replies" },
  { key: "mentions" },
  { key: "decisions" },
  { key: "follows" },
];
const VALUES: Value[] = ["immediately", "digest", "off"];

export function NotifyPrefsForm({ prefs }: { prefs: Prefs }) {
  const t = useTranslations("AccountNotifyPrefs");
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: string }>({});
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const notify = Object.fromEntries(ROWS.map((r) => [r.key, String(form.get(r.key))]));
    setState({ busy: true });
    const r = await callApi("PATCH", "/api/v1/account", { notify });
    setState(r.ok ? { message: t("saved") } : { error: r.error.message });
  }
  return (
    <form onSubmit={save} className="mt-3 space-y-4">
      {ROWS.map((r) => (
        <fieldset key={r.key}>
          <legend className="font-medium">{t(`row.${r.key}`)}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {VALUES.map((v) => (
              <label key={v} className="inline-flex items-center gap-1">
                <input
                  type="radio"
                  name={r.key}
                  value={v}
                  defaultChecked={prefs[r.key] === v}
                  className="h-4 w-4"
                />
                {t(`value.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="submit" className={buttonClass()} disabled={state.busy}>
        {t("save")}
      </button>
      <p role={state.error ? "alert" : "status"} className="text-sm">
        {state.error ?? state.message}
      </p>
    </form>
  );
}
