// robots.txt keeps the panels and the API out of search engines, also under a language prefix.
import { describe, expect, it } from "vitest";
import robots from "@/app/robots";

describe("robots.txt", () => {
  it("disallows the panels with and without a language prefix, and the API; points to the sitemap", () => {
    const r = robots();
    const rules = Array.isArray(r.rules) ? r.rules[0] : r.rules;
    expect(rules.disallow).toEqual(
      expect.arrayContaining([
        "/admin",
        "/account",
        "/api",
        "/es/admin",
        "/es/account",
        "/en/admin",
        "/en/account",
      ]),
    );
    expect(rules.allow).toBe("/");
    expect(String(r.sitemap)).toMatch(/\/sitemap\.xml$/);
  });
});
