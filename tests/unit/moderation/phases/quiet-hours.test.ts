import { describe, expect, it } from "vitest";
import { inQuietHours, localMinutes, quietHours } from "@/lib/moderation/phases/quiet-hours";
import { input, makeCtx } from "../context";

describe("phase quiet_hours", () => {
  it("closes comments inside a window that wraps midnight, in the site's time zone", async () => {
    // 23:30 UTC = 01:30 in Europe/Berlin (summer, UTC+2)
    const at = new Date("2030-06-01T23:30:00Z");
    const ctx = makeCtx({
      now: at,
      article: { quietStart: "00:00", quietEnd: "06:00" },
      settings: { timeZone: "Europe/Berlin" },
    });
    const v = await quietHours.run(input("hi"), ctx);
    expect(v?.status).toBe("rejected");
    expect(v?.reason).toBe("quiet_hours");
    expect(v?.message).toContain("00:00 and 06:00 (Europe/Berlin)");
    // the same instant is 23:30 in UTC: outside the window
    expect(
      await quietHours.run(
        input("hi"),
        makeCtx({ now: at, article: { quietStart: "00:00", quietEnd: "06:00" } }),
      ),
    ).toBeUndefined();
  });
  it("treats the end as exclusive and a missing or equal pair as no window", () => {
    expect(inQuietHours(new Date("2030-06-01T06:00:00Z"), "00:00", "06:00", "UTC")).toBe(false);
    expect(inQuietHours(new Date("2030-06-01T05:59:00Z"), "00:00", "06:00", "UTC")).toBe(true);
    expect(inQuietHours(new Date("2030-06-01T22:30:00Z"), "22:00", "02:00", "UTC")).toBe(true);
    expect(inQuietHours(new Date("2030-06-01T12:00:00Z"), "22:00", "02:00", "UTC")).toBe(false);
    expect(inQuietHours(new Date("2030-06-01T05:00:00Z"), null, "06:00", "UTC")).toBe(false);
    expect(inQuietHours(new Date("2030-06-01T05:00:00Z"), "06:00", "06:00", "UTC")).toBe(false);
    expect(localMinutes(new Date("2030-01-01T00:15:00Z"), "America/New_York")).toBe(19 * 60 + 15);
  });
});
