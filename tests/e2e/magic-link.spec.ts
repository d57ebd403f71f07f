// Signing in by a link sent by email, through the real SMTP server that tests/e2e/serve.mjs runs; and,
// at the end of the accounts run, a look through the server's log for any password or token.
import { expect, test } from "@playwright/test";
import { allMail, linksTo, serverLog, uniqueEmail, waitForLink } from "./mail";
import { alertBox } from "./page-helpers";
import { USERS } from "./users";

test("a sign-in link by email signs in (creating the account) once; a reused link gets a clear message", async ({
  browser,
}) => {
  const email = uniqueEmail("magic");
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/signin");
  await page.getByLabel("Send a sign-in link to").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/check-email\?for=signin/);
  await expect(page.getByText(/We sent you a sign-in link/)).toBeVisible();

  const link = await waitForLink(email, "/api/auth/callback/nodemailer");
  expect(new URL(link).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
  await page.goto(link);
  // a new account: asked for a display name
  await expect(page).toHaveURL(/\/account\?welcome=1/);
  await expect(page.getByText("Welcome! Choose the display name shown beside your comments.")).toBeVisible();
  const user = (await (await ctx.request.get("/api/v1/me")).json()).user;
  expect(user).toMatchObject({ email, emailVerified: true, restriction: null });
  await page.getByLabel("Display name").fill("Link Person");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  // the same link again, in another browser: used up
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await expect(p2).toHaveURL(/\/signin\?error=Verification/);
  await expect(alertBox(p2)).toHaveText(/That sign-in link has expired or has already been used/);
  expect((await (await other.request.get("/api/v1/me")).json()).user).toBeNull();
  await ctx.close();
  await other.close();
});

test("a sign-in link for an existing account signs into that account", async ({ page }) => {
  // the link mailed for this request: the one after those already sent (an earlier pass of
  // `--repeat-each` used the first, and a used link is refused)
  const before = linksTo(USERS.reader2.email);
  await page.goto("/signin");
  await page.getByLabel("Send a sign-in link to").fill(USERS.reader2.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await page.goto(await waitForLink(USERS.reader2.email, "/api/auth/callback/nodemailer", before + 1));
  await expect(page).toHaveURL(/\/$/);
  const user = (await (await page.request.get("/api/v1/me")).json()).user;
  expect(user.name).toBe(USERS.reader2.name);
});

test("a malformed address for a link is refused with a message, nothing sent", async ({ page }) => {
  const before = allMail().length;
  await page.goto("/signin");
  // as a hand-made request would: past the browser's own check of the address
  await page.getByLabel("Send a sign-in link to").evaluate((el) => {
    (el as HTMLInputElement).form!.noValidate = true;
  });
  await page.getByLabel("Send a sign-in link to").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(alertBox(page)).toHaveText(/Enter a valid email address/);
  expect(allMail().length).toBe(before);
});

test("no password, token or sign-in link appears in any server log line", async () => {
  const log = serverLog();
  expect(log.length).toBeGreaterThan(0);
  const secrets = new Set<string>([
    ...Object.values(USERS).map((u) => u.password),
    "Correct-horse-battery-9",
    "Brand-new-password-7",
    "wrong-password-x",
    "not-the-right-password",
  ]);
  for (const m of allMail()) {
    for (const link of m.body.match(/https?:\/\/[^\s"<>]+/g) ?? []) {
      const token = new URL(link).searchParams.get("token");
      if (token) secrets.add(token);
    }
  }
  expect(secrets.size).toBeGreaterThan(8);
  for (const s of secrets)
    expect(log.includes(s), `a secret (${s.slice(0, 4)}…) in the server log`).toBe(false);
  expect(log).not.toMatch(/\$argon2id\$/);
  expect(log).not.toMatch(/session-token=/);
});
