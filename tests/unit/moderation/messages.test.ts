import { describe, expect, it } from "vitest";
import { checkDisplayName } from "@/lib/moderation/display-name";
import { explainStatus } from "@/lib/moderation/messages";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

describe("what authors are told", () => {
  it("gives the specific reason of the deciding phase", () => {
    expect(
      explainStatus({ status: "pending", decidedBy: "links", statusReason: "link_from_new_commenter" }),
    ).toBe("Held for review: links from new commenters are checked first.");
    expect(
      explainStatus({ status: "rejected", decidedBy: "moderator", statusReason: "Personal attack" }),
    ).toBe("Rejected by a moderator: Personal attack");
    expect(explainStatus({ status: "pending", decidedBy: "reports", statusReason: "reported" })).toMatch(
      /reported/,
    );
    expect(explainStatus({ status: "approved", decidedBy: "approve", statusReason: "approved" })).toBe(
      "Published.",
    );
  });
});

describe("checkDisplayName", () => {
  const s = { ...DEFAULT_SETTINGS, bannedWords: ["scam"], suspectWords: ["idiot"] };
  it("refuses names with listed words or profanity", async () => {
    expect(await checkDisplayName("Sc4m Artist", s)).toMatchObject({ ok: false });
    expect(await checkDisplayName("the idiot", s)).toMatchObject({ ok: false });
    expect(await checkDisplayName("f*ck you", s)).toMatchObject({ ok: false });
    // staff pretence: lib/auth/display-name.ts (tests/unit/staff-name.test.ts)
  });
  it("accepts ordinary names", async () => {
    expect(await checkDisplayName("Ada Lovelace", s)).toEqual({ ok: true });
    expect(await checkDisplayName("Scampi Fan", s)).toEqual({ ok: true });
  });
});
