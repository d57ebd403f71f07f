"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { callApi } from "@/components/ui/api";

/**
 * Counts the view with a small request after the cached page has loaded (once per visitor per day,
 * decided on the server) and refreshes the shown figure from the answer.
 */
export function ViewBeacon({ slug }: { slug: string }) {
  const t = useTranslations("Lists");
  const format = useFormatter();
  // once per article: the translator and formatter are read, not triggers
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const ctrl = new AbortController();
    void callApi<{ views?: number }>(
      "POST",
      `/api/v1/articles/${encodeURIComponent(slug)}/views`,
      {},
      { signal: ctrl.signal, keepalive: true },
    ).then((r) => {
      const views = r.data?.views;
      if (typeof views !== "number") return;
      // the header's figure, and this article's wherever a list on the page shows it
      const el = document.querySelector('[data-stat="views"]');
      if (el) el.textContent = format.number(views);
      for (const e of document.querySelectorAll(`[data-views-for="${CSS.escape(slug)}"]`))
        e.textContent = t("views", { count: views });
    });
    return () => ctrl.abort();
  }, [slug]);
  return null;
}
