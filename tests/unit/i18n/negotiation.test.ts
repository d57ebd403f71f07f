// The edge's choice of language (server/locale.cjs): path prefix, then cookie, then Accept-Language.
import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, localeOf, publicPath } from "@/server/locale.cjs";

describe("localeOf", () => {
  it("an explicit prefix wins over cookie and header, and is not rewritten again", () => {
    const h = { cookie: "NEXT_LOCALE=en", "accept-language": "en" };
    expect(localeOf("/es/articles/x", h)).toEqual({ locale: "es", path: "/es/articles/x", explicit: true });
    expect(localeOf("/es", h)).toEqual({ locale: "es", path: "/es/front/home", explicit: true });
  });
  it("then the switch's cookie, then Accept-Language, then English", () => {
    expect(localeOf("/articles/x", { cookie: "a=1; NEXT_LOCALE=es", "accept-language": "en" })?.path).toBe(
      "/es/articles/x",
    );
    expect(localeOf("/articles/x", { "accept-language": "es-ES,es;q=0.9" })?.path).toBe("/es/articles/x");
    expect(localeOf("/", { "accept-language": "fr, es;q=0.5, en;q=0.7" })?.path).toBe("/en/front/home");
    expect(localeOf("/articles/x", {})).toEqual({ locale: "en", path: "/en/articles/x", explicit: false });
  });
  it("bad cookies and headers fall back to English", () => {
    expect(localeOf("/x", { cookie: "NEXT_LOCALE=xx" })?.locale).toBe("en");
    expect(localeOf("/x", { cookie: "NEXT_LOCALE=<script>" })?.locale).toBe("en");
    expect(fromAcceptLanguage(";;;q=zz,,,")).toBe("en");
    expect(fromAcceptLanguage("x".repeat(10_000))).toBe("en");
    expect(fromAcceptLanguage("*")).toBe("en");
    expect(fromAcceptLanguage("ES")).toBe("es");
  });
  it("API, Next's files, feeds at the root and static files are not pages", () => {
    for (const p of [
      "/api/v1/me",
      "/_next/static/a.js",
      "/feed.xml",
      "/atom.xml",
      "/sitemap.xml",
      "/sitemaps/1.xml",
      "/robots.txt",
      "/embed.js",
      "/embed/frame.css",
      "/favicon.ico",
      "/icon.svg",
    ])
      expect(localeOf(p, { "accept-language": "es" }), p).toBeNull();
    // pages (and the feeds under a page) are
    expect(localeOf("/embed/threads/a", {})?.path).toBe("/en/embed/threads/a");
    expect(localeOf("/articles/x/comments/feed.xml", {})?.path).toBe("/en/articles/x/comments/feed.xml");
  });
  it("publicPath undoes the prefix", () => {
    expect(publicPath("/es/articles/x")).toBe("/articles/x");
    expect(publicPath("/en/front/home")).toBe("/");
    expect(publicPath("/api/v1/me")).toBe("/api/v1/me");
  });
});
