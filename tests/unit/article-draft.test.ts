import { describe, expect, it } from "vitest";
import { fromLocalInput, parseReferences, toLocalInput } from "@/components/admin/article-editor/draft";
import { plural } from "@/components/ui/format";

describe("article editor draft", () => {
  it("keeps a poll's closing time to the second through the datetime-local input", () => {
    const iso = "2030-05-06T07:08:09.000Z";
    expect(toLocalInput(iso)).toMatch(/T\d\d:\d\d:09$/);
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });
});

describe("references field", () => {
  it("reads one reference a line, the link after the last bar optional", () => {
    expect(parseReferences("Reuters report | https://example.org/r\n\n  A book without link  ")).toEqual([
      { title: "Reuters report", url: "https://example.org/r" },
      { title: "A book without link" },
    ]);
  });
});

describe("plural", () => {
  it("picks the noun through Intl.PluralRules and formats the number", () => {
    expect(plural(1, "view")).toBe("1 view");
    expect(plural(0, "view")).toBe("0 views");
    expect(plural(1234, "reply", "replies")).toBe("1,234 replies");
    expect(plural(1, { one: "minute", other: "minutes" })).toBe("1 minute");
  });
});
