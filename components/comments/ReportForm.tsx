"use client";
// The form that sends a comment to the moderators with a reason and an optional note.
import { useState } from "react";
import { ApiCallError } from "./api";

const REASONS: [string, string][] = [
  ["spam", "Spam"],
  ["abuse", "Abuse or harassment"],
  ["off_topic", "Off-topic"],
  ["misinformation", "Misinformation"],
  ["other", "Something else"],
];

export function ReportForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (reason: string, note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-2 space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason) return setError("Choose a reason.");
        setBusy(true);
        setError(null);
        try {
          await onSubmit(reason, note.trim());
        } catch (err) {
          setError(err instanceof ApiCallError ? err.message : "Could not send the report.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">Why should moderators look at this comment?</legend>
        {REASONS.map(([value, label]) => (
          <label key={value} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        Note {reason === "other" ? "(required)" : "(optional)"}
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
          disabled={busy}
          className="rounded bg-zinc-800 px-3 py-1.5 text-sm text-white dark:bg-zinc-200 dark:text-zinc-900"
        >
          Send report
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-zinc-400 px-3 py-1.5 text-sm"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
