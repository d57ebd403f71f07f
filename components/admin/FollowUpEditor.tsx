"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStatusWord } from "@/components/admin/ui";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { ShortlistEntry } from "@/lib/followup";

/** The editor's "What readers said" block: text, which shortlisted comments to quote, publish/withdraw. */
export function FollowUpEditor({
  articleId,
  slug,
  text,
  chosen,
  published,
  shortlist,
}: {
  articleId: string;
  slug: string;
  text: string;
  chosen: string[];
  published: boolean;
  shortlist: ShortlistEntry[];
}) {
  const t = useTranslations("AdminFollowUp");
  const word = useStatusWord();
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: string }>({});
  const [isPublished, setPublished] = useState(published);
  async function save(e: React.FormEvent<HTMLFormElement>, publish: boolean) {
    e.preventDefault();
    if (state.busy) return;
    const form = new FormData(e.currentTarget.form ?? (e.currentTarget as HTMLFormElement));
    setState({ busy: true });
    const r = await callApi("PUT", `/api/v1/admin/articles/${articleId}/follow-up`, {
      text: String(form.get("text") ?? ""),
      commentIds: form.getAll("commentIds").map(String),
      published: publish,
    });
    if (r.ok) setPublished(publish);
    setState(
      r.ok
        ? {
            message: publish ? t("published") : t("withdrawn"),
          }
        : { error: r.error?.message ?? t("failed") },
    );
  }
  return (
    <form className="mt-4 space-y-4" onSubmit={(e) => void save(e, true)}>
      <div>
        <label htmlFor="follow-up-text" className="block font-medium">
          {t("text")}
        </label>
        <textarea
          id="follow-up-text"
          name="text"
          required
          maxLength={2000}
          rows={5}
          defaultValue={text}
          className={`${inputClass} w-full`}
        />
      </div>
      <fieldset>
        <legend className="font-medium">{t("quote")}</legend>
        {shortlist.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("nothing")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {shortlist.map((c) => (
              <li key={c.id} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id={`q-${c.id}`}
                  name="commentIds"
                  value={c.id}
                  defaultChecked={chosen.includes(c.id)}
                  disabled={c.status !== "approved"}
                  className="mt-1 h-4 w-4"
                />
                <label htmlFor={`q-${c.id}`} className="text-sm">
                  <strong>{c.authorName ?? t("aReader")}</strong>: {c.excerpt}
                  {c.status !== "approved" ? t("cannotQuote", { status: word(c.status) }) : ""}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass()} aria-disabled={state.busy || undefined}>
          {t("publish")}
        </button>
        {isPublished ? (
          <button
            type="button"
            className={buttonClass("secondary")}
            aria-disabled={state.busy || undefined}
            onClick={(e) => void save(e as unknown as React.FormEvent<HTMLFormElement>, false)}
          >
            {t("withdraw")}
          </button>
        ) : null}
        <a href={`/articles/${slug}#what-readers-said`} className="self-center text-sm">
          {t("view")}
        </a>
      </div>
      <p role={state.error ? "alert" : "status"} className="text-sm">
        {state.error ?? state.message}
      </p>
    </form>
  );
}
