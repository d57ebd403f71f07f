"use client";
// The form that sends a comment to the moderators with a reason and an optional note.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiCallError } from "./api";

const REASONS = ["spam", "abuse", "off_topic", "misinformation", "other"] as const;

export function ReportForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (reason: string, note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("Report");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-2 space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return; // aria-disabled while sending: the button keeps focus
        if (!reason) return setError(t("chooseReason"));
        setBusy(true);
        setError(null);
        try {
          await onSubmit(reason, note.trim());
        } catch (err) {
          setError(err instanceof ApiCallError ? err.message : t("failed"));
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">{t("why")}</legend>
        {REASONS.map((value) => (
          <label key={value} className="me-4 inline-flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {t(`reasons.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        {reason === "other" ? t("noteRequired") : t("noteOptional")}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          rows={2}
          className="mt-1 w-full rounded border border-zinc-400 bg-transparent p-2"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          aria-disabled={busy || undefined}
          className="rounded bg-zinc-800 aria-disabled:opacity-60 px-3 py-1.5 text-sm text-white dark:bg-zinc-200 dark:text-zinc-900"
        >
          {t("send")}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-zinc-400 px-3 py-1.5 text-sm"
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
