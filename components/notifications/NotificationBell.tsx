"use client";
// The header's bell. Pages are served from cache, so the count is per-reader data fetched after load
// (/api/v1/notifications/unread) and then kept live by the reader's own event stream.
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api";

export function NotificationBell() {
  const t = useTranslations("Layout");
  const [unread, setUnread] = useState<number | null>(null);
  const pathname = usePathname();
  // asked again after each navigation (signing in or out moves to another page)
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    let live = true;
    let es: EventSource | null = null;
    callApi<{ unread: number | null }>("GET", "/api/v1/notifications/unread")
      .then((r) => {
        if (!live) return;
        const unread = r.ok ? r.data.unread : null;
        setUnread(unread);
        if (unread === null || typeof EventSource === "undefined") return;
        es = new EventSource("/api/v1/notifications/stream");
        es.addEventListener("unread", (e) => {
          try {
            const v = JSON.parse((e as MessageEvent).data) as { unread: number };
            if (live) setUnread(v.unread);
          } catch {}
        });
      })
      .catch(() => live && setUnread(null));
    const onRead = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    window.addEventListener("agora:unread", onRead);
    return () => {
      live = false;
      es?.close();
      window.removeEventListener("agora:unread", onRead);
    };
  }, [pathname]);
  if (unread === null) return null;
  const label = t("notifications", { count: unread });
  return (
    <li>
      <a
        href="/account/notifications"
        aria-label={label}
        data-testid="notification-bell"
        className="relative inline-flex items-center no-underline"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          width="20"
          height="20"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            data-testid="notification-count"
            className="absolute -end-2 -top-2 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-[1.1rem] text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </a>
    </li>
  );
}
