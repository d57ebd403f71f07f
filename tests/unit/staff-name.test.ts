// Issue 12, hole 14: the staff-name check was beaten by look-alike letters ("Site Аdmin", Cyrillic А).
import { describe, expect, it } from "vitest";
import { foldConfusables, staffNamePretence } from "@/lib/auth/display-name";

describe("staff names through look-alike letters (hole 14)", () => {
  it.each([
    "Site Admin",
    "Site Аdmin", // Cyrillic А
    "Ѕitе Аdmіn", // Cyrillic Ѕ е А і
    "Moderatоr Jane", // Cyrillic о
    "𝐀𝐝𝐦𝐢𝐧", // mathematical bold
    "ＡＤＭＩＮ", // fullwidth
    "Ádmín",
    "M0derator",
    "Agora Ѕtaff",
  ])("refuses %j", (name) => {
    expect(staffNamePretence(name)).not.toBeNull();
  });
  it.each(["Ada Lovelace", "Admiral Grace", "Владимир", "Mod", "Zoë Müller", "Николай Admiralov"])(
    "accepts %j",
    (name) => {
      expect(staffNamePretence(name)).toBeNull();
    },
  );
  it("folds only for comparing", () => {
    expect(foldConfusables("Site Аdmin")).toBe("Site Admin");
  });
});
