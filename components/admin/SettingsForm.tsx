"use client";
// The site settings (admins): word lists one per line, thresholds, modes. Saved through PUT
// /api/v1/admin/settings; an invalid value is refused as a whole and its field is marked.
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { Settings } from "@/lib/settings/schema";

type NumKey = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

const NUMBERS: [NumKey, string, string][] = [
  ["commentsPerMinutePerAuthor", "Comments per minute per author", "more are refused"],
  ["commentsPerMinutePerIp", "Comments per minute per network", "more are refused"],
  [
    "duplicateWindowMinutes",
    "Duplicate window (minutes)",
    "the same text again within this time is refused; 0 = off",
  ],
  [
    "linksMinApproved",
    "Links need this many approved comments",
    "links from newer commenters are held; 0 = off",
  ],
  ["newCommenterHoldCount", "Hold the first K comments of a new commenter", "0 = off"],
  ["reportHideThreshold", "Hide after reports from this many readers", "the comment waits for review"],
  [
    "surgeCommentsPerMinute",
    "Surge: comments per minute on one article",
    "more switches the article to premoderation",
  ],
  [
    "surgeHeldPercent",
    "Surge: % of the last 50 comments held or rejected",
    "more switches the article to premoderation",
  ],
  ["surgeMinutes", "Surge: premoderation lasts (minutes)", ""],
  ["editWindowMinutes", "Authors may edit for (minutes)", ""],
  ["commentMinLength", "Shortest comment (characters)", ""],
  ["commentMaxLength", "Longest comment (characters)", ""],
];

export function SettingsForm({ initial }: { initial: Settings }) {
  const [s, setS] = useState(initial);
  const [banned, setBanned] = useState(initial.bannedWords.join("\n"));
  const [suspect, setSuspect] = useState(initial.suspectWords.join("\n"));
  const [origins, setOrigins] = useState(initial.embedOrigins.join("\n"));
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);
  const invalid = (key: string) => error?.field?.startsWith(`settings.${key}`);
  // blank lines are spacing, not words
  const lines = (t: string) => t.split("\n").filter((l) => l.trim() !== "");

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
          setSaved("Settings saved.");
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
          Not saved: {error.message}
        </p>
      ) : null}
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">Word lists (one word or phrase per line)</legend>
        <label className="flex flex-col text-sm">
          Banned words — comments containing them are rejected
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
          Suspect words — comments containing them are held for review
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
          Built-in English profanity list
          <select
            name="profanityFilter"
            className={inputClass}
            value={s.profanityFilter}
            onChange={(e) => setS({ ...s, profanityFilter: e.target.value as Settings["profanityFilter"] })}
          >
            <option value="off">off</option>
            <option value="hold">hold for review</option>
            <option value="reject">reject</option>
          </select>
        </label>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">Embedding (docs/embed.md)</legend>
        <label className="flex flex-col text-sm">
          Sites that may embed comments with /embed.js — one origin per line, e.g. https://news.example
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
        <legend className="text-lg font-semibold">Thresholds</legend>
        {NUMBERS.map(([key, label, hint]) => (
          <label key={key} className="flex flex-col text-sm">
            {label}
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
                {hint}
              </span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="text-lg font-semibold">Modes</legend>
        <label className="flex flex-col text-sm">
          Default moderation mode
          <select
            name="defaultModerationMode"
            className={inputClass}
            value={s.defaultModerationMode}
            onChange={(e) =>
              setS({ ...s, defaultModerationMode: e.target.value as Settings["defaultModerationMode"] })
            }
          >
            <option value="post">post-moderation (publish unless a rule holds)</option>
            <option value="pre">premoderation (hold every comment)</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Site time zone (quiet hours, dashboard days)
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
        Save settings
      </button>
    </form>
  );
}
