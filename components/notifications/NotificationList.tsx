"use client";
// The reader's notification list: each item links to the comment's permalink (opening it marks it
// read), "Mark read" per item and "Mark all as read". Items come from the server page; changes go to
// POST /api/v1/notifications/read and the bell hears the new count at once.
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export interface Item {
  id: string;
  kind: string;
  read: boolean;
  url: string;
  text: string;
  excerpt: string | null;
  createdAt: string;
}

export function NotificationList({
  items: initial,
  unread: initialUnread,
}: {
  items: Item[];
  unread: number;
}) {
  const t = useTranslations("AccountNotificationList");
  const f = useFormatter();
  const [items, setItems] = useState(initial);
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);
  async function mark(body: { ids: string[] } | { all: true }) {
    const r = await callApi<{ unread: number }>("POST", "/api/v1/notifications/read", body);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setItems((xs) => xs.map((x) => ("all" in body || body.ids.includes(x.id) ? { ...x, read: true } : x)));
    setUnread(r.data.unread);
    window.dispatchEvent(new CustomEvent("agora:unread", { detail: r.data.unread }));
  }
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {unread === 0 ? t("nothingUnread") : t("unread", { count: unread })}
        </p>
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={unread === 0}
          onClick={() => mark({ all: true })}
        >
          {t("markAll")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="mt-6">{t("none")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-zinc-200 dark:divide-zinc-800" aria-label={t("list")}>
          {items.map((n) => (
            <li
              key={n.id}
              data-testid="notification"
              data-read={n.read ? "true" : "false"}
              className={`flex gap-3 py-3 ${n.read ? "" : "font-medium"}`}
            >
              <span
                aria-hidden="true"
                className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-blue-600"}`}
              />
              <div className="min-w-0 flex-1">
                <p className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
                  {t("kind", { kind: n.kind })}
                  {n.read ? "" : t("unreadMark")} ·{" "}
                  <time dateTime={n.createdAt}>
                    {t("time", { when: f.dateTime(new Date(n.createdAt), "dateTime") })}
                  </time>
                </p>
                <a
                  href={n.url}
                  className="break-words"
                  onClick={() => {
                    if (!n.read) void mark({ ids: [n.id] });
                  }}
                >
                  {n.text}
                </a>
                {n.excerpt ? (
                  <p className="mt-1 break-words text-sm font-normal text-zinc-700 dark:text-zinc-300">
                    “{n.excerpt}”
                  </p>
                ) : null}
              </div>
              {n.read ? null : (
                <button
                  type="button"
                  className="self-start rounded px-2 py-1 text-sm font-normal underline"
                  onClick={() => mark({ ids: [n.id] })}
                  aria-label={t("markReadLabel", { text: n.text })}
                >
                  {t("markRead")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
