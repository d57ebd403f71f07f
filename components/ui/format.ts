export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

const RULES = new Intl.PluralRules("en-US");

/**
 * "1 view", "2 views", "1,234 replies": the count and the noun form Intl.PluralRules picks for it.
 * `forms` maps plural categories to the noun; `other` is required, `one` defaults to it.
 */
export function plural(n: number, forms: { one: string; other: string } | string, other?: string): string {
  const f = typeof forms === "string" ? { one: forms, other: other ?? `${forms}s` } : forms;
  return `${formatNumber(n)} ${RULES.select(n) === "one" ? f.one : f.other}`;
}

/** Just the noun form for `n` (when the number is shown elsewhere). */
export function pluralNoun(n: number, one: string, other = `${one}s`): string {
  return RULES.select(n) === "one" ? one : other;
}
