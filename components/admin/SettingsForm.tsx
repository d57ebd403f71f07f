"use client";
// The site settings (admins): word lists one per line, thresholds, modes. Saved through PUT
// /api/v1/admin/settings; an invalid value is refused as a whole and its field is marked.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { Settings } from "@/lib/settings/schema";

type NumKey = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

type Hint = "refused" | "duplicate" | "links" | "off" | "review" | "surge";
const NUMBERS: [NumKey, Hint | null][] = [
  ["commentsPerMinutePerAuthor", "refused"],
  ["commentsPerMinutePerIp", "refused"],
  ["duplicateWindowMinutes", "duplicate"],
  ["linksMinApproved", "links"],
  ["newCommenterHoldCount", "off"],
  ["reportHideThreshold", "review"],
  ["surgeCommentsPerMinute", "surge"],
  ["surgeHeldPercent", "surge"],
  ["surgeMinutes", null],
  ["editWindowMinutes", null],
  ["commentMinLength", null],
  ["commentMaxLength", null],
];

export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useTranslations("AdminSettingsForm");
  const [s, setS] = useState(initial);
  const [banned, setBanned] = useState(initial.bannedWords.join("\n"));
  const [suspect, setSuspect] = useState(initial.suspectWords.join("\n"));
  const [origins, setOrigins] = useState(initial.embedOrigins.join("\n"));
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);
  const invalid = (key: string) => error?.field?.startsWith(`settings.${key}`);
  // blank lines are spacing, not words
  const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

  return (
    <form
      className="space-y-6"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setSaved("");
        const payload = {
          ...s,
          bannedWords: lines(banned),
          suspectWords: lines(suspect),
          embedOrigins: lines(origins),
        };
        const r = await callApi<{ settings: Settings }>("PUT", "/api/v1/admin/settings", {
          settings: payload,
        });
        setBusy(false);
        if (r.ok) {
          setS(r.data!.settings);
          setBanned(r.data!.settings.bannedWords.join("\n"));
          setSuspect(r.data!.settings.suspectWords.join("\n"));
          setOrigins(r.data!.settings.embedOrigins.join("\n"));
          setError(null);
          setSaved(t("saved"));
        } else setError(r.error!);
      }}
    >
      <p role="status" aria-live="polite" className="min-h-6 font-medium">
        {saved}
      </p>
      {error ? (
        <p
          role="alert"
          className="rounded border border-red-400 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {t("notSaved", { message: error.message })}
        </p>
      ) : null}
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">{t("lists")}</legend>
        <label className="flex flex-col text-sm">
          {t("banned")}
          <textarea
            name="bannedWords"
            rows={8}
            className={inputClass}
            value={banned}
            aria-invalid={invalid("bannedWords")}
            onChange={(e) => setBanned(e.target.value)}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("suspect")}
          <textarea
            name="suspectWords"
            rows={8}
            className={inputClass}
            value={suspect}
            aria-invalid={invalid("suspectWords")}
            onChange={(e) => setSuspect(e.target.value)}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("profanity")}
          <select
            name="profanityFilter"
            className={inputClass}
            value={s.profanityFilter}
            onChange={(e) => setS({ ...s, profanityFilter: e.target.value as Settings["profanityFilter"] })}
          >
            <option value="off">{t("off")}</option>
            <option value="hold">{t("hold")}</option>
            <option value="reject">{t("reject")}</option>
          </select>
        </label>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">{t("embedding")}</legend>
        <label className="flex flex-col text-sm">
          {t("origins")}
          <textarea
            name="embedOrigins"
            rows={3}
            className={inputClass}
            value={origins}
            aria-invalid={invalid("embedOrigins")}
            onChange={(e) => setOrigins(e.target.value)}
          />
        </label>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="text-lg font-semibold">{t("thresholds")}</legend>
        {NUMBERS.map(([key, hint]) => (
          <label key={key} className="flex flex-col text-sm">
            {t(`label.${key}`)}
            <input
              name={key}
              type="number"
              inputMode="numeric"
              className={inputClass}
              value={Number.isNaN(s[key]) ? "" : s[key]}
              aria-invalid={invalid(key)}
              aria-describedby={hint ? `${key}-hint` : undefined}
              onChange={(e) =>
                setS({ ...s, [key]: e.target.value === "" ? Number.NaN : Number(e.target.value) })
              }
            />
            {hint ? (
              <span id={`${key}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
                {t(`hint.${hint}`)}
              </span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="text-lg font-semibold">{t("modes")}</legend>
        <label className="flex flex-col text-sm">
          {t("defaultMode")}
          <select
            name="defaultModerationMode"
            className={inputClass}
            value={s.defaultModerationMode}
            onChange={(e) =>
              setS({ ...s, defaultModerationMode: e.target.value as Settings["defaultModerationMode"] })
            }
          >
            <option value="post">{t("modePost")}</option>
            <option value="pre">{t("modePre")}</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("timeZone")}
          <input
            name="timeZone"
            className={inputClass}
            value={s.timeZone}
            aria-invalid={invalid("timeZone")}
            onChange={(e) => setS({ ...s, timeZone: e.target.value })}
          />
        </label>
      </fieldset>
      <button type="submit" className={buttonClass("primary", "sm")} disabled={busy}>
        {t("save")}
      </button>
    </form>
  );
}
