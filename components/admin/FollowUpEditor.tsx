"use client";
import { useState } from "react";
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
            message: publish
              ? "Published: the block is on the article page."
              : "Withdrawn from the article page.",
          }
        : { error: r.error?.message ?? "Could not save the block." },
    );
  }
  return (
    <form className="mt-4 space-y-4" onSubmit={(e) => void save(e, true)}>
      <div>
        <label htmlFor="follow-up-text" className="block font-medium">
          Editor's text
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
        <legend className="font-medium">Quote these shortlisted comments</legend>
        {shortlist.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Nothing shortlisted yet: use “Shortlist” on approved comments in the queue or under the article.
          </p>
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
                  <strong>{c.authorName ?? "A reader"}</strong>: {c.excerpt}
                  {c.status !== "approved" ? ` (${c.status}: cannot be quoted)` : ""}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass()} aria-disabled={state.busy || undefined}>
          Publish “What readers said”
        </button>
        {isPublished ? (
          <button
            type="button"
            className={buttonClass("secondary")}
            aria-disabled={state.busy || undefined}
            onClick={(e) => void save(e as unknown as React.FormEvent<HTMLFormElement>, false)}
          >
            Withdraw
          </button>
        ) : null}
        <a href={`/articles/${slug}#what-readers-said`} className="self-center text-sm">
          View on the article
        </a>
      </div>
      <p role={state.error ? "alert" : "status"} className="text-sm">
        {state.error ?? state.message}
      </p>
    </form>
  );
}
