// next-intl's per-request configuration (named by the plugin in next.config.js). The locale comes from
// the `[locale]` route segment through setRequestLocale() (app/[locale]/layout.tsx and every page), so
// pages stay static and cached per language: no headers() or cookies() here.
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "./config";
import { FORMATS } from "./formats";
import { PAGE_MESSAGES } from "./messages";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: PAGE_MESSAGES[locale], timeZone: "UTC", formats: FORMATS };
});
