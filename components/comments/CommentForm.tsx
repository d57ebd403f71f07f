"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useMentionCombobox } from "@/components/notifications/useMentionCombobox";
import { ApiCallError } from "./api";

export interface Limits {
  minLength: number;
  maxLength: number;
  editWindowMinutes: number;
}

function length(s: string): number {
  let n = 0;
  for (const _ of s.trim()) n++;
  return n;
}

/**
 * The comment box: a labelled textarea with a live character counter. Without JavaScript it posts to
 * the server action (`action`); with JavaScript `onSubmit` sends it through the JSON API instead.
 */
export function CommentForm({
  label,
  submitLabel,
  limits,
  onSubmit,
  onCancel,
  action,
  hidden,
  initial = "",
  autoFocus = false,
  note,
}: {
  label: string;
  submitLabel: string;
  limits: Limits;
  /** `website` is the honeypot field: people leave it empty, form-filling bots do not */
  onSubmit: (body: string, website: string) => Promise<void>;
  onCancel?: () => void;
  action?: (formData: FormData) => Promise<void>;
  hidden?: Record<string, string>;
  initial?: string;
  autoFocus?: boolean;
  note?: React.ReactNode;
}) {
  const t = useTranslations("CommentForm");
  const format = useFormatter();
  const id = useId();
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mention = useMentionCombobox({ id, value: body, setValue: setBody, textarea });
  const n = length(body);
  const over = n > limits.maxLength;
  const under = n < limits.minLength;

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    if (busy) return;
    if (under || over) {
      setError(under ? t("tooShort", { min: limits.minLength }) : t("tooLong", { max: limits.maxLength }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const hp = form.elements.namedItem("website");
      await onSubmit(body, hp instanceof HTMLInputElement ? hp.value : "");
      setBody("");
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form action={action} onSubmit={submit} className="mt-3 space-y-2">
      {hidden
        ? Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)
        : null}
      <div aria-hidden="true" className="hidden">
        <label>
          {t("honeypot")}{" "}
          <input name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        ref={textarea}
        {...mention.textareaProps}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          mention.onInput(e.currentTarget);
        }}
        required
        rows={4}
        // biome-ignore lint/a11y/noAutofocus: opened on request (reply, edit), focus belongs here
        autoFocus={autoFocus}
        aria-describedby={`${id}-count ${id}-help`}
        aria-invalid={over || Boolean(error) || undefined}
        className="w-full rounded border border-zinc-400 bg-transparent p-2 text-base"
      />
      {mention.listbox}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p id={`${id}-help`} className="text-zinc-600 dark:text-zinc-400">
          {t("help")}
        </p>
        <p
          id={`${id}-count`}
          aria-live="polite"
          className={over ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}
        >
          {t("count", { n: format.number(n), max: limits.maxLength })}
        </p>
      </div>
      {note}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          aria-disabled={busy || undefined}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 aria-disabled:opacity-60"
        >
          {busy ? t("sending") : submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            className="rounded border border-zinc-400 px-4 py-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
