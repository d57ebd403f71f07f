// The site's languages, for the app (server components and the client). The edge decides a request's
// language (server/locale.cjs, the same list: tests/unit/i18n/messages.test.ts holds them equal); the
// app reads it from the `[locale]` segment. See docs/decisions/130-i18n.md.
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The cookie the language switch sets (read by server/locale.cjs). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;
/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(s: unknown): s is Locale {
  return typeof s === "string" && (LOCALES as readonly string[]).includes(s);
}
