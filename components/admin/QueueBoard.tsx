"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { QueueItem, QueueName } from "@/lib/moderation/queue";
import { QueueHelp } from "./queue/QueueHelp";
import { QueueItemBody } from "./queue/QueueItemBody";

export type Action = "approve" | "reject" | "spam" | "delete" | "feature" | "unfeature" | "pin" | "unpin";

interface DecisionResult {
  changed: boolean;
  message: string;
  comment: { id: string; status: string; statusReason: string | null; featured: boolean; pinned: boolean };
}

function stillInQueue(queue: QueueName, status: string, action: Action): boolean {
  if (queue === "pending") return status === "pending";
  if (queue === "reported") return !["approve", "reject", "spam", "delete"].includes(action);
  if (queue === "rejected") return status === "rejected" || status === "spam";
  return true;
}

export function QueueBoard({
  queue,
  initialItems,
  renderedAt,
}: {
  queue: QueueName;
  initialItems: QueueItem[];
  /** when the server rendered the page: relative times use it until the page has hydrated, so the
   * server's and the browser's first render agree (no hydration mismatch) */
  renderedAt: number;
}) {
  const t = useTranslations("AdminQueueBoard");
  const router = useRouter();
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
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
      // the queue tabs' counts are the server's: ask for them again (this board keeps its state)
      if (done.size) router.refresh();
      const failed = results.filter((r) => !r.ok);
      setAnnounce(
        ids.length === 1
          ? results[0].message
          : `${t("someDone", { done: results.length - failed.length, total: results.length })}${failed.length ? ` ${t("notDone", { messages: failed.map((f) => f.message).join(" ") })}` : ""}`,
      );
    },
    [queue, router, t],
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
      } else if (!t.closest("[data-queue-list]")) {
        return;
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
        {t.rich("keys", { k: (c) => <kbd>{c}</kbd> })}{" "}
        <button type="button" className="underline" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          {t("help")}
        </button>
      </p>
      {help ? <QueueHelp /> : null}
      <p role="status" aria-live="polite" className="mt-2 min-h-6 text-sm font-medium">
        {announce}
      </p>
      {rejecting ? (
        <form
          className="sticky top-0 z-10 mt-2 flex flex-wrap items-end gap-2 rounded border-2 border-red-600 bg-white p-3 dark:bg-zinc-950"
          onSubmit={async (e) => {
            e.preventDefault();
            if (reason.trim().length < 3) {
              setReasonError(t("reasonTooShort"));
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
            {t("reasonLabel", { count: rejecting.length })}
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
          <button type="submit" className={buttonClass("danger", "sm")}>
            {t("reject")}
          </button>
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            onClick={() => {
              setRejecting(null);
              focusAt(index);
            }}
          >
            {t("cancel")}
          </button>
          <p id="reason-error" className="w-full text-sm text-red-700 dark:text-red-300">
            {reasonError}
          </p>
        </form>
      ) : null}
      {sel.length ? (
        <section
          aria-label={t("bulk")}
          className="mt-2 flex flex-wrap items-center gap-2 rounded bg-zinc-100 p-2 dark:bg-zinc-800"
        >
          <span className="text-sm">{t("selected", { count: sel.length })}</span>
          <button
            type="button"
            className={buttonClass("primary", "sm")}
            onClick={() => void decide(sel, "approve")}
            disabled={busy}
          >
            {t("approveSelected")}
          </button>
          <button
            type="button"
            className={buttonClass("danger", "sm")}
            onClick={() => startReject(sel)}
            disabled={busy}
          >
            {t("rejectSelected")}
          </button>
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            onClick={() => void decide(sel, "spam")}
            disabled={busy}
          >
            {t("spamSelected")}
          </button>
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            onClick={() => void decide(sel, "delete")}
            disabled={busy}
          >
            {t("deleteSelected")}
          </button>
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            onClick={() => setSelected(new Set())}
          >
            {t("clear")}
          </button>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p className="mt-6">
          {t("nothing")} {queue === "pending" ? t("empty") : ""}
        </p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label={t("list")} data-queue-list>
          {items.map((it, i) => (
            <li key={it.id}>
              <article
                data-queue-item
                tabIndex={i === index ? 0 : -1}
                ref={(el) => {
                  if (el) refs.current.set(it.id, el);
                  else refs.current.delete(it.id);
                }}
                onFocus={() => {
                  engaged.current = true;
                  setIndex(i);
                }}
                aria-current={i === index ? "true" : undefined}
                aria-label={t("item", {
                  name: it.author?.name ?? t("deletedAccount"),
                  title: it.article.title,
                })}
                className={`rounded border p-3 outline-none focus:ring-2 focus:ring-blue-600 ${
                  i === index ? "border-blue-600" : "border-zinc-200 dark:border-zinc-800"
                }`}
              >
                <QueueItemBody
                  it={it}
                  now={now}
                  selected={selected.has(it.id)}
                  onToggle={() =>
                    setSelected((s) => {
                      const n = new Set(s);
                      if (n.has(it.id)) n.delete(it.id);
                      else n.add(it.id);
                      return n;
                    })
                  }
                  busy={busy}
                  onDecide={(action) => void decide([it.id], action)}
                  onReject={() => startReject([it.id])}
                />
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
