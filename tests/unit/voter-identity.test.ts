import { afterEach, describe, expect, it } from "vitest";
import { anonIdFrom, mayBeSignedIn, newAnonId, voterCookie } from "@/lib/voter/identity";

const h = (init: Record<string, string>) => new Headers(init);

describe("voter identity", () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it("reads a well-formed voter id from the cookie and ignores anything else", () => {
    const id = newAnonId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newAnonId()).not.toBe(id);
    expect(anonIdFrom(h({ cookie: `a=1; agora_voter=${id}; b=2` }))).toBe(id);
    expect(anonIdFrom(h({ cookie: "agora_voter=short" }))).toBeNull();
    expect(anonIdFrom(h({ cookie: `agora_voter=${id}x` }))).toBeNull();
    expect(anonIdFrom(h({ cookie: `xagora_voter=${id}` }))).toBeNull();
    expect(anonIdFrom(h({}))).toBeNull();
  });

  it("looks up a session only when a session cookie or a bearer token is present", () => {
    expect(mayBeSignedIn(h({}))).toBe(false);
    expect(mayBeSignedIn(h({ cookie: "agora_voter=x" }))).toBe(false);
    expect(mayBeSignedIn(h({ cookie: "authjs.session-token=abc" }))).toBe(true);
    expect(mayBeSignedIn(h({ cookie: "x=1; __Secure-authjs.session-token.0=abc" }))).toBe(true);
    expect(mayBeSignedIn(h({ authorization: "Bearer t" }))).toBe(true);
  });

  it("sets an HttpOnly, SameSite=Lax cookie, Secure when production is served over https", () => {
    const plain = voterCookie("abc");
    expect(plain).toMatch(/^agora_voter=abc; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    process.env = { ...env, NODE_ENV: "production", AUTH_URL: "https://news.example" };
    expect(voterCookie("abc")).toMatch(/; Secure$/);
    process.env = { ...env, NODE_ENV: "production", AUTH_URL: "http://127.0.0.1:3000" };
    expect(voterCookie("abc")).not.toMatch(/Secure/);
    expect(voterCookie("abc", h({ "x-forwarded-proto": "https" }))).toMatch(/; Secure$/);
    expect(voterCookie(null)).toMatch(/^agora_voter=; Max-Age=0;/);
  });
});
