// Hole 4 (issue 12): every redirect target goes through safeRedirectPath.
import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/auth/messages";
import { LOCAL_BASE, safeRedirectPath } from "@/lib/http/redirect";

const BASE = "https://news.example";

describe("safeRedirectPath (hole 4: open redirect after sign-in)", () => {
  it.each([
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "https://evil.example/",
    "http://news.example/",
    "javascript:alert(1)",
    "/\u0000x",
    "/%00x",
    "/%5c%5cevil.example",
    "",
  ])("refuses %j", (t) => {
    expect(safeRedirectPath(t, BASE)).toBe("/");
  });
  it("keeps same-site targets as path+query+hash", () => {
    expect(safeRedirectPath("/articles/a?x=1#comments", BASE)).toBe("/articles/a?x=1#comments");
    expect(safeRedirectPath("https://news.example/account?tab=1", BASE)).toBe("/account?tab=1");
    expect(safeRedirectPath("articles/a", `${BASE}/`)).toBe("/articles/a");
    expect(safeRedirectPath("/x", BASE, { fallback: "/home" })).toBe("/x");
    expect(safeRedirectPath("//evil.example", BASE, { fallback: "/home" })).toBe("/home");
    expect(
      safeRedirectPath("http://127.0.0.1:3000/p", "http://localhost:3000", {
        alsoSameSite: ["http://127.0.0.1:3000"],
      }),
    ).toBe("/p");
  });
  it("the sign-in page's callbackUrl uses the same rule", () => {
    expect(safeCallback("/\t/evil.example")).toBe("/");
    expect(safeCallback(["/a", "/b"])).toBe("/");
    expect(safeCallback("/articles/x#comments")).toBe("/articles/x#comments");
    expect(safeRedirectPath("/a", LOCAL_BASE)).toBe("/a");
  });
});
