"use client";
import { useState } from "react";
import { ApiCallError, commentsApi } from "./api";
import { formatDateTime } from "./format";

/** "Edited": opens the comment's earlier versions (newest first) under the header. */
export function EditedHistory({ id, editedAt }: { id: string; editedAt: string }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<{ body: string; createdAt: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (!open && !list) {
      try {
        setList((await commentsApi.revisions(id)).revisions);
      } catch (e) {
        setError(e instanceof ApiCallError ? e.message : "Could not load the earlier versions.");
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
        title={`Edited ${formatDateTime(editedAt)}`}
        onClick={() => void toggle()}
      >
        Edited
      </button>
      {open ? (
        <div className="basis-full rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700">
          {error ? (
            <p role="alert">{error}</p>
          ) : list?.length ? (
            <ol className="space-y-2" aria-label="Earlier versions, newest first">
              {list.map((r) => (
                <li key={r.createdAt}>
                  <p className="text-zinc-600 dark:text-zinc-400">
                    Until <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>:
                  </p>
                  <p className="whitespace-pre-wrap break-words">{r.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>No earlier version is kept.</p>
          )}
        </div>
      ) : null}
    </>
  );
}
