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

/**
 * The namespaces client components use: only these travel to the browser with every page (the whole
 * set would add ~20 kB to each cached page). tests/unit/i18n/client-namespaces.test.ts follows the
 * imports of every "use client" module and fails when one uses a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  "Layout",
  "Lists",
  "Article",
  "Feedback",
  "Polls",
  "Comments",
  "CommentForm",
  "Report",
  "Shortlist",
  "SignIn",
  "SignUp",
  "Forgot",
  "Reset",
] as const;

/** The part of a language's messages that client components need (CLIENT_NAMESPACES). */
export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ns of CLIENT_NAMESPACES) if (ns in messages) out[ns] = messages[ns];
  return out;
}

/** The messages of one language; English is the source language and always complete. */
export type Messages = typeof enSite;
