import { describe, expect, it } from "vitest";
import { containsLink, links } from "@/lib/moderation/phases/links";
import { input, makeCtx } from "../context";

describe("phase links", () => {
  it("holds a link from a commenter with fewer than K approved comments, with the specific message", async () => {
    const ctx = makeCtx({ settings: { linksMinApproved: 3 }, facts: { approved: 2 } });
    const v = await links.run(input("see https://example.com/x"), ctx);
    expect(v).toMatchObject({ status: "pending", reason: "link_from_new_commenter", tags: ["link"] });
    expect(v?.message).toBe("Held for review: links from new commenters are checked first.");
  });
  it("only tags links from established commenters and staff; K = 0 turns it off", async () => {
    expect(
      await links.run(
        input("www.example.org"),
        makeCtx({ settings: { linksMinApproved: 3 }, facts: { approved: 3 } }),
      ),
    ).toEqual({
      tags: ["link"],
    });
    expect(await links.run(input("example.com"), makeCtx({ author: { role: "moderator" } }))).toEqual({
      tags: ["link"],
    });
    expect(await links.run(input("example.com"), makeCtx({ settings: { linksMinApproved: 0 } }))).toEqual({
      tags: ["link"],
    });
  });
  it("recognises links but not ordinary sentences", () => {
    for (const t of [
      "http://a.b",
      "https://x.y/z",
      "go to www.site.net",
      "visit spam.xyz now",
      "evil.ru/path",
    ])
      expect(containsLink(t), t).toBe(true);
    for (const t of ["end of sentence.Next one", "e.g. this", "version 1.2.3", "no links here"])
      expect(containsLink(t), t).toBe(false);
  });
  it("asks nothing when the text has no link", async () => {
    const ctx = makeCtx();
    expect(await links.run(input("plain"), ctx)).toBeUndefined();
    expect(ctx.asked).toEqual([]);
  });
});
