"use client";
// The footer's language switch: sets the NEXT_LOCALE cookie that the edge reads first
// (server/locale.cjs) and reloads the same URL, which is then served in the chosen language. Plain
// buttons: reachable by keyboard, the current language marked with aria-current.
import { useTranslations } from "next-intl";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/config";

export function LanguageSwitch({ current }: { current: Locale }) {
  const t = useTranslations("Layout");
  const choose = (locale: Locale) => {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie the server reads on the next request
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
    // an explicit /es/... or /en/... path would keep its language: go to the same page without it
    const m = /^\/(?:en|es)(?=\/|$)/.exec(window.location.pathname);
    if (m) window.location.assign(window.location.pathname.slice(m[0].length) || "/");
    else window.location.reload();
  };
  return (
    <nav aria-label={t("language")} className="mt-2">
      <ul className="flex justify-center gap-3">
        {LOCALES.map((l) => (
          <li key={l}>
            <button
              type="button"
              lang={l}
              aria-current={l === current ? "true" : undefined}
              onClick={() => (l === current ? undefined : choose(l))}
              className="underline decoration-dotted underline-offset-2 aria-[current=true]:font-semibold aria-[current=true]:no-underline"
            >
              {LOCALE_NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
