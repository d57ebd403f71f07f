import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (no browser downloads here); CHROMIUM_PATH overrides; otherwise
// Playwright's own browser (`npx playwright install chromium` on a developer machine).
const chromium =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const PORT = Number(process.env.E2E_PORT || 3210);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // a production build on a fresh database of its own (tests/e2e/serve.mjs)
    command: `node tests/e2e/serve.mjs`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      // every e2e request comes from 127.0.0.1: the per-network sign-in and sign-up limits are raised
      // here (their own behaviour is covered by tests/integration/signin.test.ts and accounts.test.ts);
      // the per-account sign-in limit keeps its default (5 per 15 minutes) and is tested in e2e
      AGORA_LIMIT_SIGNIN_IP: "1000/900",
      AGORA_LIMIT_SIGNUP_IP: "1000/3600",
      // `--repeat-each N` runs the same tests N times against this one server: the per-address sign-in
      // link limit (3 per 15 minutes), the anonymous-vote limit (3 per poll per network per day) and the
      // per-author comment limit (5 a minute; a spec repeated at once posts more as the same reader)
      // would refuse the later passes; all are covered by tests/integration (signin, anon-vote-limit,
      // comments, moderation-pipeline); the per-spec servers (comments-server.ts) raise the last too
      AGORA_LIMIT_MAGIC_LINK_EMAIL: "1000/900",
      AGORA_LIMIT_ANON_VOTE: "1000",
      AGORA_LIMIT_COMMENT_USER: "500/60",
      // the fixture readers change their profile in several specs (hide/show, handle, language): ten
      // changes an hour per account (tests/integration/accounts.test.ts) would refuse a repeated run
      AGORA_LIMIT_ACCOUNT_CHANGE_USER: "1000/3600",
      // the moderation spec's author appeals once a pass (5 a day: tests/integration/moderation-decisions)
      AGORA_LIMIT_APPEAL_USER: "1000/86400",
      // every write invalidates cached pages at once (the window itself: tests/integration)
      AGORA_INVALIDATE_WINDOW_MS: "0",
      // the one host article images may come from besides the site (CSP img-src, the editor's rule)
      AGORA_IMAGE_HOSTS: "images.example-cdn.com",
      // an OAuth app that exists only here: shows the GitHub button (the test never reaches GitHub)
      AUTH_GITHUB_ID: "e2e-github-client",
      AUTH_GITHUB_SECRET: "e2e-github-secret-not-real",
    },
  },
});
