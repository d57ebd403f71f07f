import { describe, expect, it } from "vitest";
import { statusOf } from "@/lib/api/http";
import type { DomainError } from "@/lib/errors";
import { normaliseChoice, type PollDef, percentOf, resultsHiddenUntil, sameChoice } from "@/lib/polls/rules";

const poll = (over: Partial<PollDef> = {}): PollDef => ({
  id: "p",
  articleId: "a",
  articleSlug: "s",
  position: 0,
  question: "Q?",
  multiple: false,
  maxChoices: 1,
  closesAt: null,
  resultsVisibility: "after_vote",
  whoMayVote: "anyone",
  options: [
    { id: "o1", label: "One" },
    { id: "o2", label: "Two" },
    { id: "o3", label: "Three" },
  ],
  ...over,
});

describe("poll rules", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const past = new Date("2025-12-31T00:00:00Z");
  const future = new Date("2026-01-02T00:00:00Z");

  it("results visibility: always, after voting, after the close", () => {
    expect(resultsHiddenUntil(poll({ resultsVisibility: "always" }), false, now)).toBeNull();
    expect(resultsHiddenUntil(poll(), false, now)).toBe("vote");
    expect(resultsHiddenUntil(poll(), true, now)).toBeNull();
    expect(resultsHiddenUntil(poll({ closesAt: past }), false, now)).toBeNull();
    expect(resultsHiddenUntil(poll({ resultsVisibility: "after_close" }), true, now)).toBe("close");
    expect(resultsHiddenUntil(poll({ resultsVisibility: "after_close", closesAt: future }), true, now)).toBe(
      "close",
    );
    expect(
      resultsHiddenUntil(poll({ resultsVisibility: "after_close", closesAt: past }), false, now),
    ).toBeNull();
  });

  it("normalises a valid choice into the poll's option order and refuses bad ones", () => {
    const multi = poll({ multiple: true, maxChoices: 2 });
    expect(normaliseChoice(multi, ["o3", "o1"])).toEqual(["o1", "o3"]);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [statusOf(e as DomainError), (e as DomainError).code];
      }
      return null;
    };
    expect(code(() => normaliseChoice(poll(), []))).toEqual([422, "empty_choice"]);
    expect(code(() => normaliseChoice(poll(), ["o1", "o2"]))).toEqual([422, "too_many_options"]);
    expect(code(() => normaliseChoice(multi, ["o1", "o2", "o3"]))).toEqual([422, "too_many_options"]);
    expect(code(() => normaliseChoice(poll(), ["elsewhere"]))).toEqual([422, "invalid_option"]);
    expect(code(() => normaliseChoice(multi, ["o1", "o1"]))).toEqual([422, "duplicate_option"]);
  });

  it("figures percentages of voters with one decimal", () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(3, 3)).toBe(100);
    expect(sameChoice(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameChoice(["a"], ["a", "b"])).toBe(false);
  });
});
