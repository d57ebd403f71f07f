// What an author is told about their comment (the moderation verdict, stored in English with the
// comment) and why a reader cannot comment, in the language of the request: applied by the routes that
// answer with them (lib/i18n/text.ts localize; docs/decisions/131-i18n-api-and-mail.md).
import { localize } from "@/lib/i18n/text";
import type { PublicComment, ViewerState } from "./types";

export function localizeComment<T extends Pick<PublicComment, "message">>(c: T, locale: string): T {
  return c.message ? { ...c, message: localize(c.message, locale) } : c;
}

/** A post or edit result: {message, comment}. */
export function localizeResult<T extends { message: string; comment: PublicComment }>(
  r: T,
  locale: string,
): T {
  return { ...r, message: localize(r.message, locale), comment: localizeComment(r.comment, locale) };
}

export function localizeViewerState(s: ViewerState, locale: string): ViewerState {
  return {
    ...s,
    viewer: s.viewer
      ? { ...s.viewer, blockedReason: localize(s.viewer.blockedReason, locale) ?? null }
      : null,
    pending: s.pending.map((c) => localizeComment(c, locale)),
    closedMessage: localize(s.closedMessage, locale),
  };
}
