// For pages and layouts under app/[locale]/: the request's language from the route param, handed to
// next-intl with setRequestLocale() so that pages render statically (and stay cached) in that language.
// Every page calls it first (tests/unit/i18n/untranslated.test.ts checks). docs/decisions/130-i18n.md.
import { setRequestLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

export async function pageLocale(params: Promise<object> | object): Promise<Locale> {
  const p = (await params) as { locale?: unknown };
  const locale = isLocale(p.locale) ? p.locale : DEFAULT_LOCALE;
  setRequestLocale(locale);
  return locale;
}
