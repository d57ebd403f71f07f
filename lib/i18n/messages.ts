// Every message of the site, per language, merged from one file per area so that areas can be
// translated side by side without conflicts: messages/{locale}/{area}.json. Each area file holds
// top-level namespaces ("Article", "Comments" ...) that no other area uses (tests/unit/i18n checks it).
// To add an area: create messages/en/X.json and messages/es/X.json, and add them to AREAS below.
import enAccount from "@/messages/en/account.json";
import enAdmin from "@/messages/en/admin.json";
import enApi from "@/messages/en/api.json";
import enMail from "@/messages/en/mail.json";
import enSite from "@/messages/en/site.json";
import esAccount from "@/messages/es/account.json";
import esAdmin from "@/messages/es/admin.json";
import esApi from "@/messages/es/api.json";
import esMail from "@/messages/es/mail.json";
import esSite from "@/messages/es/site.json";
import type { Locale } from "./config";

export const AREAS = {
  en: { site: enSite, admin: enAdmin, account: enAccount, api: enApi, mail: enMail },
  es: { site: esSite, admin: esAdmin, account: esAccount, api: esApi, mail: esMail },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

function merge(areas: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return Object.assign({}, ...Object.values(areas));
}

export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  en: merge(AREAS.en),
  es: merge(AREAS.es),
};

/**
 * Areas rendered outside pages (API answers, mails: lib/i18n/text.ts): left out of what pages hand to
 * next-intl, which would otherwise send them to every browser with the client components' messages.
 */
const SERVER_ONLY_AREAS = new Set(["api", "mail"]);
const pageAreas = (areas: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(areas).filter(([a]) => !SERVER_ONLY_AREAS.has(a)));

/** The messages pages use (lib/i18n/request.ts). */
export const PAGE_MESSAGES: Record<Locale, Record<string, unknown>> = {
  en: merge(pageAreas(AREAS.en)),
  es: merge(pageAreas(AREAS.es)),
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

/**
 * The namespaces the client components of the moderation panel and the account pages use: they travel
 * only with those pages (their layouts wrap them in a second provider, `panelClientMessages`), not with
 * every public page. The same test checks them.
 */
export const PANEL_CLIENT_NAMESPACES = [
  "AdminStatus",
  "AdminQueueBoard",
  "AdminQueueItem",
  "AdminQueueHelp",
  "AdminSurge",
  "AdminAppealActions",
  "AdminUserActions",
  "AdminArticleEditor",
  "AdminPollsEditor",
  "AdminFollowUp",
  "AdminSettingsForm",
  "AdminWebhookManager",
  "AdminImport",
  "AdminAuthorAccount",
  "AccountAppealForm",
  "AccountClaimConfirm",
  "AccountClaimImported",
  "AccountDeleteForm",
  "AccountNotificationList",
  "AccountNotifyPrefs",
  "AccountPasswordForm",
  "AccountProfileForm",
  "AccountPublicProfile",
  "AccountResend",
  "AccountSessions",
  "AccountTokenManager",
] as const;

/** What the panel's and the account pages' client components need: the site's and their own. */
export function panelClientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  const out = clientMessages(messages);
  for (const ns of PANEL_CLIENT_NAMESPACES) if (ns in messages) out[ns] = messages[ns];
  return out;
}

/** The messages of one language; English is the source language and always complete. */
export type Messages = typeof enSite & typeof enAdmin & typeof enAccount;
