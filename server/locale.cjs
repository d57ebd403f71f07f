// @ts-check
// The reader's language, decided once per page request at the edge (server/main.mjs), not by a proxy.ts
// (middleware would make every cached page cost twice as much, DESIGN.md "Performance design").
// Page routes live under app/[locale]/; the browser never sees the prefix: `/articles/x` is served
// internally as `/es/articles/x`, so each language has its own cached page (and its own CSP hashes).
// Order: an explicit path prefix (/es/articles/x), then the cookie the language switch sets
// (NEXT_LOCALE), then Accept-Language (negotiated by `negotiator`), then the default, English.
// See docs/decisions/130-i18n.md.
const Negotiator = require("negotiator");

/** The languages of the site; the first is the default. */
const LOCALES = /** @type {const} */ (["en", "es"]);
/** @typedef {(typeof LOCALES)[number]} Locale */
const DEFAULT_LOCALE = /** @type {Locale} */ ("en");
const LOCALE_COOKIE = "NEXT_LOCALE";
// a year: the switch is a lasting choice
const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/** @param {unknown} s @returns {s is Locale} */
const isLocale = (s) => typeof s === "string" && /** @type {readonly string[]} */ (LOCALES).includes(s);

// Paths that are not pages: the API, Next's own files, and the files at the root of app/ and public/
// (feeds, sitemaps, icons, robots.txt, embed.js). They are never prefixed.
const NOT_PAGES =
  /^\/(?:api\/|_next\/|__next|robots\.txt$|sitemap\.xml$|sitemaps\/|feed\.xml$|atom\.xml$)|\.(?:js|css|map|png|jpe?g|gif|webp|avif|svg|ico|woff2?|txt|webmanifest)$/;
const PREFIX_RE = /^\/(en|es)(?=\/|$)/;
const COOKIE_RE = /(?:^|;\s*)NEXT_LOCALE=([a-zA-Z-]{2,5})(?:;|$)/;

// Accept-Language headers repeat (browsers send a handful of variants): the answer is memoised, bounded
/** @type {Map<string, Locale>} */
const negotiated = new Map();
const MEMO_MAX = 500;

/**
 * The site language that best fits an Accept-Language header, or the default.
 * @param {string | undefined} header
 * @returns {Locale}
 */
function fromAcceptLanguage(header) {
  if (!header) return DEFAULT_LOCALE;
  const key = header.length > 200 ? header.slice(0, 200) : header;
  const hit = negotiated.get(key);
  if (hit) return hit;
  const best = new Negotiator({ headers: { "accept-language": key } }).languages([...LOCALES])[0];
  const locale = isLocale(best) ? best : DEFAULT_LOCALE;
  if (negotiated.size >= MEMO_MAX) negotiated.clear();
  negotiated.set(key, locale);
  return locale;
}

/**
 * The locale a request for a page is served in, and the internal path it is served from; null for a
 * path that is not a page (left as it is).
 * @param {string} pathname
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @returns {{ locale: Locale, path: string, explicit: boolean } | null}
 */
function localeOf(pathname, headers) {
  if (NOT_PAGES.test(pathname)) return null;
  const m = PREFIX_RE.exec(pathname);
  if (m) {
    const rest = pathname.slice(m[0].length) || "/";
    return { locale: /** @type {Locale} */ (m[1]), path: internalPath(m[1], rest), explicit: true };
  }
  const header = headers["accept-language"];
  const locale = requestLocale(headers.cookie, Array.isArray(header) ? header[0] : header);
  return { locale, path: internalPath(locale, pathname), explicit: false };
}

/**
 * The reader's language from a request's Cookie and Accept-Language headers (no path): the language of
 * pages without a prefix, and of API answers (lib/api/http.ts handle()).
 * @param {string | null | undefined} cookie
 * @param {string | null | undefined} acceptLanguage
 * @returns {Locale}
 */
function requestLocale(cookie, acceptLanguage) {
  const c = cookie ? COOKIE_RE.exec(cookie) : null;
  if (c && isLocale(c[1])) return c[1];
  return fromAcceptLanguage(acceptLanguage ?? undefined);
}

/**
 * `/x` in `locale` -> `/locale/x`; the home page `/` is the ISR page /front/home (docs/decisions/002-caching.md).
 * @param {string} locale
 * @param {string} pathname
 */
function internalPath(locale, pathname) {
  return pathname === "/" ? `/${locale}/front/home` : `/${locale}${pathname}`;
}

/**
 * The path a reader sees for an internal one (`/es/articles/x` -> `/articles/x`).
 * @param {string} pathname
 */
function publicPath(pathname) {
  const m = PREFIX_RE.exec(pathname);
  if (!m) return pathname;
  const rest = pathname.slice(m[0].length) || "/";
  return rest === "/front/home" ? "/" : rest;
}

module.exports = {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  LOCALE_COOKIE_MAX_AGE,
  LOCALES,
  fromAcceptLanguage,
  isLocale,
  localeOf,
  publicPath,
  requestLocale,
};
