// The rules of a poll, as pure functions: when it is closed, who sees results when, what a valid choice
// is, and how percentages are figured. Everything that decides about a poll comes through here.
import { decide, refusal } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { Conflict, Invalid, Unauthenticated } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";

export type ResultsVisibility = "always" | "after_vote" | "after_close";
export type WhoMayVote = "anyone" | "signed_in";

export interface PollDef {
  id: string;
  articleId: string;
  articleSlug: string;
  position: number;
  question: string;
  multiple: boolean;
  maxChoices: number;
  closesAt: Date | null;
  resultsVisibility: ResultsVisibility;
  whoMayVote: WhoMayVote;
  options: { id: string; label: string }[];
}

export function isClosed(p: Pick<PollDef, "closesAt">, now = new Date()): boolean {
  return p.closesAt != null && p.closesAt.getTime() <= now.getTime();
}

/** What still hides the results from this voter: their vote, the close, or nothing (null). */
export function resultsHiddenUntil(
  p: Pick<PollDef, "closesAt" | "resultsVisibility">,
  voted: boolean,
  now = new Date(),
): "vote" | "close" | null {
  if (p.resultsVisibility === "always" || isClosed(p, now)) return null;
  if (p.resultsVisibility === "after_vote") return voted ? null : "vote";
  return "close";
}

export function resultsVisible(
  p: Pick<PollDef, "closesAt" | "resultsVisibility">,
  voted: boolean,
  now = new Date(),
): boolean {
  return resultsHiddenUntil(p, voted, now) === null;
}

/** The largest number of options one voter may choose. */
export function choiceLimit(p: Pick<PollDef, "multiple" | "maxChoices" | "options">): number {
  return p.multiple ? Math.max(1, Math.min(p.maxChoices, p.options.length)) : 1;
}

function dateText(d: Date): string {
  return `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** Throws the right named error when this voter may not vote (or withdraw) in this poll now. */
export function assertMayVote(p: PollDef, viewer: Viewer | null, now = new Date()): void {
  if (isClosed(p, now))
    throw new Conflict("poll_closed", msg("Api.polls.pollClosed", { dateText: dateText(p.closesAt!) }));
  if (p.whoMayVote === "signed_in" && !viewer)
    throw new Unauthenticated(msg("Api.polls.signInRequired"), "sign_in_required");
  if (viewer) {
    const d = decide(viewer, "vote");
    if (!d.ok) throw refusal(d);
  }
}

/**
 * Checks a choice against the poll and returns it in the poll's option order. Bad choices are 422s that
 * say what was wrong and what is allowed.
 */
export function normaliseChoice(p: PollDef, optionIds: string[]): string[] {
  if (optionIds.length === 0) throw new Invalid("optionIds", msg("Api.polls.emptyChoice"), "empty_choice");
  if (new Set(optionIds).size !== optionIds.length)
    throw new Invalid("optionIds", msg("Api.polls.duplicateOption"), "duplicate_option");
  const known = new Set(p.options.map((o) => o.id));
  const foreign = optionIds.find((id) => !known.has(id));
  if (foreign)
    throw new Invalid(
      "optionIds",
      msg("Api.polls.invalidOption", { foreign, length: p.options.length }),
      "invalid_option",
    );
  const limit = choiceLimit(p);
  if (optionIds.length > limit)
    throw new Invalid(
      "optionIds",
      limit === 1
        ? `optionIds: this poll takes one choice; you sent ${optionIds.length}.`
        : `optionIds: this poll takes at most ${limit} choices; you sent ${optionIds.length}.`,
      "too_many_options",
    );
  const chosen = new Set(optionIds);
  return p.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
}

/** Share of voters who chose an option, in percent with one decimal (multiple choice can sum > 100). */
export function percentOf(count: number, voters: number): number {
  return voters > 0 ? Math.round((count * 1000) / voters) / 10 : 0;
}

export function sameChoice(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}
