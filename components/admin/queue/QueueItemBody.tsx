"use client";
// One comment in the moderation queue: who wrote it (account age and record), where, the text, which
// rule or word decided its status, open reports, and the decision buttons (aria-disabled while a
// decision is saving, so focus stays on them).
import Link from "next/link";
import { ShortlistButton } from "@/components/discovery/ShortlistButton";
import { buttonClass } from "@/components/ui/styles";
import type { QueueItem } from "@/lib/moderation/queue";
import type { Action } from "../QueueBoard";
import { ago, StatusBadge } from "../ui";

export function QueueItemBody({
  it,
  now,
  selected,
  onToggle,
  busy,
  onDecide,
  onReject,
}: {
  it: QueueItem;
  now: number;
  selected: boolean;
  onToggle: () => void;
  busy: boolean;
  onDecide: (action: Action) => void;
  onReject: () => void;
}) {
  return (
    <>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <input type="checkbox" aria-label="Select for a bulk action" checked={selected} onChange={onToggle} />
        <StatusBadge status={it.status} />
        {it.featured ? <span className="text-xs font-semibold">★ featured</span> : null}
        {it.pinned ? <span className="text-xs font-semibold">📌 pinned</span> : null}
        {it.author ? (
          <Link href={`/admin/users/${it.author.id}`} prefetch={false} className="font-semibold">
            {it.author.name ?? "Reader"}
          </Link>
        ) : (
          <span>deleted account</span>
        )}
        {it.author ? (
          <span className="text-zinc-600 dark:text-zinc-400">
            account {ago(it.author.createdAt, now)} old · {it.author.approvedCount} approved ·{" "}
            {it.author.rejectedCount} rejected
            {it.author.status !== "active" ? ` · ${it.author.status}` : ""}
          </span>
        ) : null}
        <span className="text-zinc-600 dark:text-zinc-400">{ago(it.createdAt, now)} ago</span>
      </header>
      <p className="mt-1 text-sm">
        on{" "}
        <Link href={`/articles/${it.article.slug}`} prefetch={false}>
          {it.article.title}
        </Link>
      </p>
      {it.parent ? (
        <blockquote className="mt-2 border-s-4 border-zinc-300 ps-3 text-sm text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">
          In reply to {it.parent.authorName ?? "a reader"}: {it.parent.excerpt}
        </blockquote>
      ) : null}
      <p className="mt-2 whitespace-pre-wrap break-words">{it.body}</p>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">Decided by {it.decidedBy ?? "—"}:</span> {it.explanation}
        {it.tags.length ? ` · tags: ${it.tags.join(", ")}` : ""}
      </p>
      {it.reports.length ? (
        <ul className="mt-1 text-sm text-red-800 dark:text-red-300" aria-label="Open reports">
          {it.reports.map((r) => (
            <li key={r.reason}>
              {r.count} × {r.reason.replace("_", " ")}
              {r.notes.length ? `: “${r.notes.join("”, “")}”` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass("primary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide("approve")}
        >
          Approve
        </button>
        <button
          type="button"
          className={buttonClass("danger", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onReject()}
        >
          Reject…
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide("spam")}
        >
          Spam
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide("delete")}
        >
          Delete
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide(it.featured ? "unfeature" : "feature")}
        >
          {it.featured ? "Unfeature" : "Feature"}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide(it.pinned ? "unpin" : "pin")}
        >
          {it.pinned ? "Unpin" : "Pin"}
        </button>
        {it.status === "approved" ? (
          <ShortlistButton commentId={it.id} className={buttonClass("secondary", "sm")} />
        ) : null}
      </div>
    </>
  );
}
