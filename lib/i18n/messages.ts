// Every message of the site, per language, merged from one file per area so that areas can be
// translated side by side without conflicts: messages/{locale}/{area}.json. Each area file holds
// top-level namespaces ("Article", "Comments" ...) that no other area uses (tests/unit/i18n checks it).
// To add an area: create messages/en/X.json and messages/es/X.json, and add them to AREAS below.
import enSite from "@/messages/en/site.json";
import esSite from "@/messages/es/site.json";
import type { Locale } from "./config";

export const AREAS = {
  en: { site: enSite },
  es: { site: esSite },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

function merge(areas: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return Object.assign({}, ...Object.values(areas));
}

export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  en: merge(AREAS.en),
  es: merge(AREAS.es),
};

/** The messages of one language; English is the source language and always complete. */
export type Messages = typeof enSite;
