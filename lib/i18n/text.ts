// Text rendered outside React, in a language chosen per call: API error messages (lib/errors.ts,
// rendered by lib/api/http.ts handle() in the request's language) and mails (rendered in the
// recipient's language). The message files are messages/{en,es}/api.json and mail.json; a Text is a
// key and its parameters, so the language is chosen late (when the answer or the mail is written).
// docs/decisions/131-i18n-api-and-mail.md.
// use-intl/core (next-intl's own core, no React): this module also runs in scripts outside Next
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import enApi from "@/messages/en/api.json";
import enMail from "@/messages/en/mail.json";
import esApi from "@/messages/es/api.json";
import esMail from "@/messages/es/mail.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { FORMATS } from "./formats";

const SERVER_MESSAGES = {
  en: { ...enApi, ...enMail },
  es: { ...esApi, ...esMail },
} satisfies Record<Locale, Record<string, unknown>>;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of api.json, e.g. "Api.comments.notFound". */
export type ApiKey = Leaves<typeof enApi>;
/** Every key of mail.json. */
export type MailKey = Leaves<typeof enMail>;

export type TextParam = string | number | Date | Text;
export interface Text {
  readonly key: ApiKey | MailKey | typeof ZOD_ISSUE | typeof LITERAL;
  readonly params?: Readonly<Record<string, TextParam>>;
}

/** A message of api.json with its parameters; `e.g. msg("Api.comments.notFound")`. */
export function msg(key: ApiKey, params?: Record<string, TextParam>): Text {
  return params ? { key, params } : { key };
}

export function isText(x: unknown): x is Text {
  return typeof x === "object" && x !== null && typeof (x as { key?: unknown }).key === "string";
}

// A zod issue without a custom message is rendered by zod's own locale (its English is what the API
// answered before): params.issue holds the issue, params.en its English message.
export const ZOD_ISSUE = "$zod" as const;
// English that has no key (a message built outside lib/, e.g. by a library): params.en, in every language
export const LITERAL = "$literal" as const;
const ZOD_LOCALES = { en: z.locales.en(), es: z.locales.es() } as const;

const translators = new Map<Locale, (key: string, params?: Record<string, unknown>) => string>();
function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    const tr = createTranslator({
      locale,
      messages: SERVER_MESSAGES[locale],
      formats: FORMATS,
      timeZone: "UTC",
      // a missing message is a bug the unit tests catch; at run time, fall back to English
      onError: () => {},
      getMessageFallback: ({ key, namespace }) => {
        const full = namespace ? `${namespace}.${key}` : key;
        return locale === DEFAULT_LOCALE ? full : render({ key: full as ApiKey }, DEFAULT_LOCALE);
      },
    }) as unknown as (key: string, params?: Record<string, unknown>) => string;
    t = (key, params) => tr(key, params);
    translators.set(locale, t);
  }
  return t;
}

/** The text in `locale` (English when the language is unknown). */
export function render(t: Text, locale: string = DEFAULT_LOCALE): string {
  const lang: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  if (t.key === LITERAL || (t.key === ZOD_ISSUE && lang === DEFAULT_LOCALE)) return String(t.params?.en);
  if (t.key === ZOD_ISSUE)
    return zodMessage(t.params?.issue as unknown as ZodIssue, lang) ?? String(t.params?.en);
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t.params ?? {})) params[k] = isText(v) ? render(v, lang) : v;
  return translator(lang)(t.key, params);
}

type ZodIssue = Parameters<(typeof ZOD_LOCALES)["en"]["localeError"]>[0];
function zodMessage(issue: ZodIssue, lang: Locale): string | undefined {
  const out = ZOD_LOCALES[lang].localeError(issue);
  return typeof out === "string" ? out : out?.message;
}

// The custom messages of the schemas in lib/ (`z.string({ error: "must be text" })`), and the sentences
// that lib/'s checks return as strings (password rules, comment text, moderation verdicts, which are also
// stored with the comment), stay English in the
// source; Api.text in api.json holds each one under a key, its variable parts as {p0}, {p1}. A message is
// matched against these English templates (exact ones first, then the longest templates) to get its key.
const SENTINEL = "\u0000";
// The template's parameters are found by rendering it with a sentinel for each possible one: the
// message text itself is not read (inside Next it is precompiled, next.config.js).
const TEMPLATE_PARAMS = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`p${i}`, `${SENTINEL}p${i}${SENTINEL}`]),
);
const ZOD_TEMPLATES = Object.keys(enApi.Api.text)
  .map((key) => {
    const sample = render({ key: `Api.text.${key}` as ApiKey, params: TEMPLATE_PARAMS });
    const source = sample
      .split(new RegExp(`${SENTINEL}p\\d${SENTINEL}`))
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("(.+?)");
    const order = [...sample.matchAll(new RegExp(`${SENTINEL}(p\\d)${SENTINEL}`, "g"))].map((m) => m[1]);
    return {
      key: `Api.text.${key}` as ApiKey,
      re: new RegExp(`^${source}$`, "s"),
      order,
      literal: sample.length,
    };
  })
  .sort((a, b) => a.order.length - b.order.length || b.literal - a.literal);

// templates whose parameter is itself a whole message of lib/ ("Saved. {p0}"): translated in turn
const SENTENCE_PARAMS: ReadonlySet<string> = new Set<ApiKey>(["Api.text.saved"]);

/** The Text of an English validation message of lib/ (a schema's custom message), or the English as is. */
export function messageText(english: string): Text {
  for (const t of ZOD_TEMPLATES) {
    const m = t.re.exec(english);
    if (!m) continue;
    if (!t.order.length) return { key: t.key };
    const param = SENTENCE_PARAMS.has(t.key) ? messageText : durationOrText;
    return { key: t.key, params: Object.fromEntries(t.order.map((a, i) => [a, param(m[i + 1])])) };
  }
  return { key: LITERAL, params: { en: english } };
}

/**
 * A message of lib/ kept in English (a moderation verdict stored with the comment, a status explanation,
 * a reason a reader cannot comment) in `locale`: the way such sentences reach a reader or moderator.
 */
export function localize(english: string, locale: string): string;
export function localize(english: string | null | undefined, locale: string): string | null | undefined;
export function localize(english: string | null | undefined, locale: string) {
  // English is the source: nothing to match (this runs on every comment post's answer)
  if (english == null || !isLocale(locale) || locale === DEFAULT_LOCALE) return english;
  return render(messageText(english), locale);
}

/** The Text of a zod issue: its custom message's key, or zod's own message in the reader's language. */
export function zodIssueText(issue: { message: string }): Text {
  const custom = messageText(issue.message);
  if (custom.key !== LITERAL) return custom;
  if (zodMessage(issue as ZodIssue, DEFAULT_LOCALE) === issue.message)
    return { key: ZOD_ISSUE, params: { en: issue.message, issue: issue as unknown as string } };
  return custom;
}

/** "field: message", the shape of every validation message of the API. */
export function fieldText(field: string | undefined, message: Text): Text {
  return field ? { key: "Api.validation.field", params: { field, message } } : message;
}

/** A wait, e.g. "30 seconds" / "2 minutes" (lib/rate-limit humanSeconds), in the reader's language. */
export function durationText(seconds: number): Text {
  if (seconds < 90) return { key: "Api.duration.seconds", params: { s: seconds } };
  return { key: "Api.duration.minutes", params: { m: Math.ceil(seconds / 60) } };
}

// a wait inside a matched English sentence ("Try again in 2 minutes.") is translated too
function durationOrText(part: string): TextParam {
  const d = /^(\d+) (second|minute)s?$/.exec(part);
  if (!d) return part;
  return d[2] === "second"
    ? durationText(Number(d[1]))
    : { key: "Api.duration.minutes", params: { m: Number(d[1]) } };
}

/** Mail text in one language: `const t = mailText(user.locale); t("Mail.verify.subject")`. */
export function mailText(locale: string | null | undefined) {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return (key: MailKey, params?: Record<string, TextParam>) => render({ key, params }, lang);
}
