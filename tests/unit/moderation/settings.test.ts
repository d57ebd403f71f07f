import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from "@/lib/settings/schema";

describe("settings schema", () => {
  it("accepts the defaults", () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
  it("refuses negative thresholds, empty words, unknown keys and bad zones, naming the field", () => {
    const bad = (patch: Record<string, unknown>) => {
      const r = settingsPatchSchema.safeParse(patch);
      expect(r.success).toBe(false);
      return r.error!.issues[0];
    };
    expect(bad({ reportHideThreshold: -1 })).toMatchObject({
      path: ["reportHideThreshold"],
      message: "must be at least 1",
    });
    expect(bad({ linksMinApproved: -3 }).message).toBe("must be at least 0");
    expect(bad({ surgeHeldPercent: 101 }).message).toBe("must be at most 100");
    expect(bad({ bannedWords: ["ok", "  "] })).toMatchObject({ path: ["bannedWords", 1] });
    expect(bad({ bannedWords: ["ok", "  "] }).message).toMatch(/must not be empty/);
    expect(bad({ timeZone: "Mars/Olympus" }).message).toMatch(/IANA time zone/);
    expect(bad({ surgeMinutes: 1.5 }).message).toBe("must be a whole number");
    expect(bad({ nosuch: 1 }).code).toBe("unrecognized_keys");
  });
  it("trims words and drops duplicates", () => {
    expect(settingsPatchSchema.parse({ suspectWords: [" Idiot ", "idiot", "moron"] }).suspectWords).toEqual([
      "Idiot",
      "moron",
    ]);
  });
  it("checks max length against min length", () => {
    const r = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, commentMinLength: 50, commentMaxLength: 10 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(["commentMaxLength"]);
  });
});
