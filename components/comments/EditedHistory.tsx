"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiCallError, commentsApi } from "./api";
import { useDateTime } from "./format";

/** "Edited": opens the comment's earlier versions (newest first) under the header. */
export function EditedHistory({ id, editedAt }: { id: string; editedAt: string }) {
  const t = useTranslations("Comments");
  const dateTime = useDateTime();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<{ body: string; createdAt: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (!open && !list) {
      try {
        setList((await commentsApi.revisions(id)).revisions);
      } catch (e) {
        setError(e instanceof ApiCallError ? e.message : t("revisionsFailed"));
      }
    }
    setOpen((o) => !o);
  }
  return (
    <>
      <button
        type="button"
        className="comment-action"
        aria-expanded={open}
        title={t("editedAt", { date: dateTime(editedAt) })}
        onClick={() => void toggle()}
      >
        {t("edited")}
      </button>
      {open ? (
        <div className="basis-full rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700">
          {error ? (
            <p role="alert">{error}</p>
          ) : list?.length ? (
            <ol className="space-y-2" aria-label={t("revisions")}>
              {list.map((r) => (
                <li key={r.createdAt}>
                  <p className="text-zinc-600 dark:text-zinc-400">
                    {t.rich("until", {
                      date: dateTime(r.createdAt),
                      time: (x) => <time dateTime={r.createdAt}>{x}</time>,
                    })}
                  </p>
                  <p className="whitespace-pre-wrap break-words">{r.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("noRevisions")}</p>
          )}
        </div>
      ) : null}
    </>
  );
}
