// Named formats for dates and numbers (next-intl's `format.dateTime(d, "long")`), Intl underneath.
// Dates are shown in UTC, as before the translation: a cached page is the same for every reader.
import type { Formats } from "next-intl";

export const FORMATS = {
  dateTime: {
    long: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
    short: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
    dateTime: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "UTC",
    },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
} satisfies Formats;
