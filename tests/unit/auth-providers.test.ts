import { describe, expect, it } from "vitest";
import { authProviders, enabledOAuth, knownProviderIds, signInMethods } from "@/lib/auth/providers";

const prod = { NODE_ENV: "production" } as NodeJS.ProcessEnv;

describe("sign-in methods from the environment", () => {
  it("offers OAuth only when both the client id and secret are set", () => {
    expect(enabledOAuth(prod)).toEqual([]);
    expect(enabledOAuth({ ...prod, AUTH_GITHUB_ID: "id" })).toEqual([]);
    expect(enabledOAuth({ ...prod, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "  " })).toEqual([]);
    expect(enabledOAuth({ ...prod, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual(["github"]);
    const both = {
      ...prod,
      AUTH_GITHUB_ID: "i",
      AUTH_GITHUB_SECRET: "s",
      AUTH_GOOGLE_ID: "i",
      AUTH_GOOGLE_SECRET: "s",
    };
    expect(signInMethods(both).oauth).toEqual([
      { id: "github", name: "GitHub" },
      { id: "google", name: "Google" },
    ]);
    expect(authProviders(both).map((p) => (p as { id: string }).id)).toEqual(["github", "google"]);
  });

  it("offers the magic link with SMTP_URL, or in development (printed to the log), never else", () => {
    expect(signInMethods(prod).magicLink).toBe(false);
    expect(knownProviderIds(prod)).toEqual(["credentials"]);
    expect(signInMethods({ ...prod, SMTP_URL: "smtp://127.0.0.1:2525" }).magicLink).toBe(true);
    expect(signInMethods({ NODE_ENV: "development" } as NodeJS.ProcessEnv).magicLink).toBe(true);
    expect(knownProviderIds({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toEqual([
      "credentials",
      "nodemailer",
    ]);
  });
});
