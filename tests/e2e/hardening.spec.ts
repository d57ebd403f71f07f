// Issue 12 in a real browser against the production build: the holes a reader reaches with a link.
import { expect, test } from "@playwright/test";
import { USERS } from "./users";

const SLUG = "will-russia-defend-maduro";

test("hole 4: signing in at /signin?callbackUrl=/%09/evil.example stays on the site", async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext();
  const offsite: string[] = [];
  const host = new URL(baseURL!).host;
  await ctx.route("**/*", (r) => {
    const u = new URL(r.request().url());
    if (u.host === host) return r.continue();
    offsite.push(u.href);
    return r.abort();
  });
  const page = await ctx.newPage();
  await page.goto("/signin?callbackUrl=%2F%09%2Fevil.example");
  await page.getByLabel("Email").fill(USERS.reader2.email);
  await page.getByLabel("Password").fill(USERS.reader2.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(async () => (await ctx.cookies()).some((c) => /session-token/.test(c.name))).toBe(true);
  await expect(page).not.toHaveURL(/\/signin/);
  expect(new URL(page.url()).host).toBe(host);
  expect(offsite).toEqual([]);
  await ctx.close();
});

test("hole 11: ?error= text on the comments page is never shown; codes get fixed sentences", async ({
  page,
}) => {
  const injected = "Your account is locked: call 0800 123 456 now";
  await page.goto(`/articles/${SLUG}/comments?error=${encodeURIComponent(injected)}`);
  const alert = page.locator("#comment-error");
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText("0800");
  await expect(page.locator("body")).not.toContainText(injected);
  await page.goto(`/articles/${SLUG}/comments?error=too_long`);
  await expect(page.locator("#comment-error")).toContainText("too long");
});
