"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
// The moderation queue, worked from the keyboard: j/k move, a approve, r reject (with a reason), s spam,
// d delete, f feature, p pin, x select, ? help. Selected items take the bulk buttons. Every action goes
// through the admin API; the result is announced in a live region.
import { ShortlistButton } from "@/components/discovery/ShortlistButton";
import type { QueueItem, QueueName } from "@/lib/moderation/queue";
import { callApi } from "./api";
import { ago, buttonClass, dangerButtonClass, inputClass, primaryButtonClass, StatusBadge } from "./ui";

type Action = "approve" | "reject" | "spam" | "delete" | "feature" | "unfeature" | "pin" | "unpin";

interface DecisionResult {
  changed: boolean;
  message: string;
  comment: { id: string; status: string; statusReason: string | null; featured: boolean; pinned: boolean };
}

const KEYS: [string, string][] = [
  ["j / k", "next / previous comment"],
  ["a", "approve"],
  ["r", "reject (asks for the reason shown to the author)"],
  ["s", "mark as spam"],
  ["d", "delete"],
  ["f", "feature / unfeature"],
  ["p", "pin / unpin"],
  ["x", "select for a bulk action"],
  ["?", "show or hide this help"],
  ["Esc", "close the reason box or the help"],
];

function stillInQueue(queue: QueueName, status: string, action: Action): boolean {
  if (queue === "pending") return status === "pending";
  if (queue === "reported") return !["approve", "reject", "spam", "delete"].includes(action);
  if (queue === "rejected") return status === "rejected" || status === "spam";
  return true;
}

export function QueueBoard({ queue, initialItems }: { queue: QueueName; initialItems: QueueItem[] }) {
  const [items, setItems] = useState(initialItems);
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState("");
  const [help, setHelp] = useState(false);
  const [announce, setAnnounce] = useState("");
  const [busy, setBusy] = useState(false);
  const refs = useRef(new Map<string, HTMLElement>());
  const reasonRef = useRef<HTMLInputElement>(null);
  /** the moderator has started working from the keyboard */
  const engaged = useRef(false);

  const focusAt = useCallback(
    (i: number) => {
      const item = items[i];
      if (item) refs.current.get(item.id)?.focus();
    },
    [items],
  );

  const decide = useCallback(
    async (ids: string[], action: Action, why?: string) => {
      if (!ids.length) return;
      setBusy(true);
      const results: { id: string; ok: boolean; data?: DecisionResult; message: string }[] = [];
      if (ids.length === 1) {
        const r = await callApi<DecisionResult>("POST", `/api/v1/admin/comments/${ids[0]}/decision`, {
          action,
          reason: why,
        });
        results.push({
          id: ids[0],
          ok: r.ok,
          data: r.data,
          message: r.ok ? r.data!.message : r.error!.message,
        });
      } else {
        const r = await callApi<{
          results: ({ id: string; ok: boolean; error?: { message: string } } & Partial<DecisionResult>)[];
        }>("POST", "/api/v1/admin/comments/decisions", { ids, action, reason: why });
        if (!r.ok) for (const id of ids) results.push({ id, ok: false, message: r.error!.message });
        else
          for (const x of r.data!.results)
            results.push({
              id: x.id,
              ok: x.ok,
              data: x.ok ? (x as DecisionResult) : undefined,
              message: x.ok ? x.message! : x.error!.message,
            });
      }
      setBusy(false);
      const done = new Map(results.filter((r) => r.ok && r.data).map((r) => [r.id, r.data!.comment]));
      setItems((prev) => {
        const next = prev
          .map((it) => {
            const c = done.get(it.id);
            return c
              ? {
                  ...it,
                  status: c.status,
                  statusReason: c.statusReason,
                  featured: c.featured,
                  pinned: c.pinned,
                }
              : it;
          })
          .filter((it) => !done.has(it.id) || stillInQueue(queue, it.status, action));
        setIndex((i) => Math.min(i, Math.max(0, next.length - 1)));
        return next;
      });
      setSelected((s) => new Set([...s].filter((id) => !done.has(id))));
      const failed = results.filter((r) => !r.ok);
      setAnnounce(
        ids.length === 1
          ? results[0].message
          : `${results.length - failed.length} of ${results.length} done.${failed.length ? ` Not done: ${failed.map((f) => f.message).join(" ")}` : ""}`,
      );
    },
    [queue],
  );

  const startReject = useCallback((ids: string[]) => {
    if (!ids.length) return;
    setRejecting(ids);
    setReason("");
    setReasonError("");
  }, []);

  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  // once the moderator works from the keyboard, keep the focus on the current item after the list
  // changes (a decided item disappears, the reason box closes), but never steal it from a control
  useEffect(() => {
    if (!engaged.current || rejecting) return;
    const active = document.activeElement;
    if (!active || active === document.body || active.closest("[data-queue-item]")) focusAt(index);
  }, [index, rejecting, focusAt]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || busy) return;
      if (t.closest("input, textarea, select, [contenteditable=true]")) return;
      const current = items[index];
      const key = e.key;
      if (key === "?") {
        setHelp((h) => !h);
      } else if (key === "Escape") {
        setHelp(false);
      } else if (key === "j" || key === "k") {
        // the first j/k only puts the focus on the current comment; later ones move
        engaged.current = true;
        const onItem = Boolean(t.closest("[data-queue-item]"));
        const i = !onItem
          ? index
          : key === "j"
            ? Math.min(index + 1, items.length - 1)
            : Math.max(index - 1, 0);
        setIndex(i);
        focusAt(i);
      } else if (!current) {
        return;
      } else if (key === "a") void decide([current.id], "approve");
      else if (key === "r") startReject([current.id]);
      else if (key === "s") void decide([current.id], "spam");
      else if (key === "d") void decide([current.id], "delete");
      else if (key === "f") void decide([current.id], current.featured ? "unfeature" : "feature");
      else if (key === "p") void decide([current.id], current.pinned ? "unpin" : "pin");
      else if (key === "x")
        setSelected((s) => {
          const n = new Set(s);
          if (n.has(current.id)) n.delete(current.id);
          else n.add(current.id);
          return n;
        });
      else return;
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, index, busy, decide, startReject, focusAt]);

  const sel = [...selected];
  return (
    <div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>s</kbd>{" "}
        spam, <kbd>f</kbd> feature, <kbd>x</kbd> select, <kbd>?</kbd> all keys.{" "}
        <button type="button" className="underline" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          Keyboard help
        </button>
      </p>
      {help ? (
        <section
          role="dialog"
          aria-label="Keyboard shortcuts"
          className="mt-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
        >
          <h2 className="font-semibold">Keyboard shortcuts</h2>
          <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-1 text-sm">
            {KEYS.map(([k, v]) => (
              <div key={k} className="contents">
                <dt>
                  <kbd>{k}</kbd>
                </dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 min-h-6 text-sm font-medium">
        {announce}
      </p>
      {rejecting ? (
        <form
          className="sticky top-0 z-10 mt-2 flex flex-wrap items-end gap-2 rounded border-2 border-red-600 bg-white p-3 dark:bg-zinc-950"
          onSubmit={async (e) => {
            e.preventDefault();
            if (reason.trim().length < 3) {
              setReasonError("Give a reason of at least 3 characters; the author will see it.");
              return;
            }
            const ids = rejecting;
            setRejecting(null);
            await decide(ids, "reject", reason.trim());
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              setRejecting(null);
              focusAt(index);
            }
          }}
        >
          <label className="flex min-w-64 flex-1 flex-col text-sm">
            Reason shown to the author (
            {rejecting.length === 1 ? "1 comment" : `${rejecting.length} comments`})
            <input
              ref={reasonRef}
              className={inputClass}
              value={reason}
              maxLength={500}
              aria-invalid={Boolean(reasonError)}
              aria-describedby="reason-error"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" className={dangerButtonClass}>
            Reject
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              setRejecting(null);
              focusAt(index);
            }}
          >
            Cancel
          </button>
          <p id="reason-error" className="w-full text-sm text-red-700 dark:text-red-300">
            {reasonError}
          </p>
        </form>
      ) : null}
      {sel.length ? (
        <section
          aria-label="Bulk actions"
          className="mt-2 flex flex-wrap items-center gap-2 rounded bg-zinc-100 p-2 dark:bg-zinc-800"
        >
          <span className="text-sm">{sel.length} selected</span>
          <button
            type="button"
            className={primaryButtonClass}
            onClick={() => void decide(sel, "approve")}
            disabled={busy}
          >
            Approve selected
          </button>
          <button
            type="button"
            className={dangerButtonClass}
            onClick={() => startReject(sel)}
            disabled={busy}
          >
            Reject selected…
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => void decide(sel, "spam")}
            disabled={busy}
          >
            Spam selected
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => void decide(sel, "delete")}
            disabled={busy}
          >
            Delete selected
          </button>
          <button type="button" className={buttonClass} onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p className="mt-6">Nothing here. {queue === "pending" ? "The queue is empty." : ""}</p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Comments">
          {items.map((it, i) => (
            <li key={it.id}>
              <article
                data-queue-item
                tabIndex={-1}
                ref={(el) => {
                  if (el) refs.current.set(it.id, el);
                  else refs.current.delete(it.id);
                }}
                onFocus={() => {
                  engaged.current = true;
                  setIndex(i);
                }}
                aria-current={i === index ? "true" : undefined}
                aria-label={`Comment by ${it.author?.name ?? "a deleted account"} on ${it.article.title}`}
                className={`rounded border p-3 outline-none focus:ring-2 focus:ring-blue-600 ${
                  i === index ? "border-blue-600" : "border-zinc-200 dark:border-zinc-800"
                }`}
              >
                <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <input
                    type="checkbox"
                    aria-label="Select for a bulk action"
                    checked={selected.has(it.id)}
                    onChange={() =>
                      setSelected((s) => {
                        const n = new Set(s);
                        if (n.has(it.id)) n.delete(it.id);
                        else n.add(it.id);
                        return n;
                      })
                    }
                  />
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
                      account {ago(it.author.createdAt)} old · {it.author.approvedCount} approved ·{" "}
                      {it.author.rejectedCount} rejected
                      {it.author.status !== "active" ? ` · ${it.author.status}` : ""}
                    </span>
                  ) : null}
                  <span className="text-zinc-600 dark:text-zinc-400">{ago(it.createdAt)} ago</span>
                </header>
                <p className="mt-1 text-sm">
                  on{" "}
                  <Link href={`/articles/${it.article.slug}`} prefetch={false}>
                    {it.article.title}
                  </Link>
                </p>
                {it.parent ? (
                  <blockquote className="mt-2 border-l-4 border-zinc-300 pl-3 text-sm text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">
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
                    className={primaryButtonClass}
                    disabled={busy}
                    onClick={() => void decide([it.id], "approve")}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    className={dangerButtonClass}
                    disabled={busy}
                    onClick={() => startReject([it.id])}
                  >
                    Reject…
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={busy}
                    onClick={() => void decide([it.id], "spam")}
                  >
                    Spam
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={busy}
                    onClick={() => void decide([it.id], "delete")}
                  >
                    Delete
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={busy}
                    onClick={() => void decide([it.id], it.featured ? "unfeature" : "feature")}
                  >
                    {it.featured ? "Unfeature" : "Feature"}
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={busy}
                    onClick={() => void decide([it.id], it.pinned ? "unpin" : "pin")}
                  >
                    {it.pinned ? "Unpin" : "Pin"}
                  </button>
                  {it.status === "approved" ? (
                    <ShortlistButton commentId={it.id} className={buttonClass} />
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
