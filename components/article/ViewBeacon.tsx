"use client";
import { useEffect } from "react";

/**
 * Counts the view with a small request after the cached page has loaded (once per visitor per day,
 * decided on the server) and refreshes the shown figure from the answer.
 */
export function ViewBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    const ctrl = new AbortController();
    fetch(`/api/v1/articles/${encodeURIComponent(slug)}/views`, {
      method: "POST",
      signal: ctrl.signal,
      keepalive: true,
      headers: { "content-type": "application/json" },
      body: "{}",
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { views?: number } | null) => {
        if (typeof d?.views !== "number") return;
        const el = document.querySelector('[data-stat="views"]');
        if (el) el.textContent = new Intl.NumberFormat("en-US").format(d.views);
      })
      .catch(() => {});
    return () => ctrl.abort();
  }, [slug]);
  return null;
}
