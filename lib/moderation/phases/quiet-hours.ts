import type { Phase } from "../types";

/** "HH:MM" → minutes after midnight, or null when malformed. */
export function parseClock(s: string | null): number | null {
  const m = s?.match(/^([01]\d|2[0-3]):([0-5]\d)$/);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Minutes after midnight of `at` in the time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const m = Number(parts.find((p) => p.type === "minute")?.value ?? 0);
  return h * 60 + m;
}

/** True when `at` falls in the daily window [start, end) in the time zone; windows may wrap midnight. */
export function inQuietHours(at: Date, start: string | null, end: string | null, timeZone: string): boolean {
  const s = parseClock(start);
  const e = parseClock(end);
  if (s == null || e == null || s === e) return false;
  const now = localMinutes(at, timeZone);
  return s < e ? now >= s && now < e : now >= s || now < e;
}

/** Comments close daily between the article's quiet_start and quiet_end, in the site's time zone. */
export const quietHours: Phase = {
  name: "quiet_hours",
  run(_input, ctx) {
    const { quietStart, quietEnd } = ctx.article;
    if (!inQuietHours(ctx.now, quietStart, quietEnd, ctx.settings.timeZone)) return;
    return {
      status: "rejected",
      reason: "quiet_hours",
      message: `Comments on this article are closed between ${quietStart} and ${quietEnd} (${ctx.settings.timeZone}) each day. Please come back after ${quietEnd}.`,
    };
  },
};
