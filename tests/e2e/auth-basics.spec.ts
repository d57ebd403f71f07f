import { expect, test } from "@playwright/test";
import { signInContext, USERS } from "./users";

test("a reader signs in with a password; /admin stays closed to them and opens for an admin", async ({
  browser,
  baseURL,
}) => {
  const reader = await browser.newContext();
  await signInContext(reader, "reader", baseURL!);
  const r = await reader.request.get("/admin", { maxRedirects: 0 });
  expect(r.status()).toBe(403);
  await reader.close();

  const anon = await browser.newContext();
  const a = await anon.request.get("/admin", { maxRedirects: 0 });
  expect(a.status()).toBe(307);
  expect(a.headers().location).toContain("/signin");
  await anon.close();

  const admin = await browser.newContext();
  const page = await admin.newPage();
  await page.goto("/signin?callbackUrl=/admin");
  await page.getByLabel("Email").fill(USERS.admin.email);
  await page.getByLabel("Password").fill(USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Moderation" })).toBeVisible();
  await admin.close();
});
