// Accounts end to end, in a real browser against the production build: sign-up with email
// confirmation, sign-in and its messages, the account page, revocation of old sessions, deletion, bad
// input, rate limits and OAuth buttons.
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { uniqueEmail, waitForLink } from "./mail";
import { alertBox } from "./page-helpers";
import { signInContext, USERS } from "./users";

const PASSWORD = "Correct-horse-battery-9";
const WRONG = "That email and password do not match an account.";

async function signUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.goto("/signup");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signInPage(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function me(request: APIRequestContext) {
  return (await (await request.get("/api/v1/me")).json()).user as { id: string; name: string } | null;
}

/** A new confirmed-or-not reader made through the sign-up page, signed in in `context`. */
async function newReader(context: BrowserContext, tag: string) {
  const page = await context.newPage();
  const email = uniqueEmail(tag);
  await signUp(page, `Reader ${tag}`, email);
  await expect(page).toHaveURL(/\/check-email/);
  const user = await me(context.request);
  expect(user).not.toBeNull();
  return { page, email, id: user!.id };
}

test("sign up → confirm the email → sign out → sign in with the password", async ({ page }) => {
  const email = uniqueEmail("signup");
  await signUp(page, "Grace Hopper", email);
  await expect(page).toHaveURL(/\/check-email\?for=signup/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent a confirmation link to ${email}`)).toBeVisible();
  // signed in already (the header asks /api/v1/me), but not allowed to comment until confirmed
  await expect(page.getByRole("link", { name: "Your account: Grace Hopper" })).toBeVisible();
  const unconfirmed = await (await page.request.get("/api/v1/me")).json();
  expect(unconfirmed.user.restrictionCode).toBe("email_unverified");

  await page.goto(await waitForLink(email, "/verify-email"));
  await expect(page).toHaveURL(/\/account\?notice=verified/);
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
  expect((await (await page.request.get("/api/v1/me")).json()).user.restriction).toBeNull();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?notice=signed_out/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await me(page.request)).toBeNull();

  await signInPage(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Your account: Grace Hopper" })).toBeVisible();
});

test("a wrong password and an unknown email get the same message; the typed email stays", async ({
  page,
}) => {
  await signInPage(page, USERS.reader.email, "not-the-right-password");
  await expect(alertBox(page)).toHaveText(WRONG);
  await expect(page.getByLabel("Email")).toHaveValue(USERS.reader.email);
  await signInPage(page, "nobody-at-all@e2e.test", "not-the-right-password");
  await expect(alertBox(page)).toHaveText(WRONG);
  expect(await me(page.request)).toBeNull();
});

test("sign-up bad input: a clear message at the field, nothing stored", async ({ page }) => {
  const cases: [string, Partial<Record<"name" | "email" | "password", string>>, RegExp][] = [
    ["malformed email", { email: "grace.at.example" }, /Enter a valid email address/],
    ["short password", { password: "short-1" }, /at least 10 characters/],
    ["common password", { password: "password123" }, /too common/],
    [
      "duplicate email",
      { email: USERS.reader.email.toUpperCase() },
      /An account with this email already exists/,
    ],
    ["over-long name", { name: "N".repeat(60) }, /at most 50 characters/],
  ];
  for (const [, over, message] of cases) {
    await page.goto("/signup");
    // a hand-made request could skip the browser's maxlength: the server must say so itself
    await page.getByLabel("Display name").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("Display name").fill(over.name ?? "Tester");
    await page.getByLabel("Email").fill(over.email ?? uniqueEmail("bad"));
    await page.getByLabel("Password").fill(over.password ?? PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page).toHaveURL(/\/signup$/);
    expect(await me(page.request)).toBeNull();
  }
  // the duplicate attempt changed nothing: the owner still signs in with their own password
  const ctx = page.context();
  await signInContext(ctx, "reader", test.info().project.use.baseURL!);
  expect((await me(ctx.request))?.name).toBe(USERS.reader.name);
});

test("the account page: display name, poll tag preference, password change, data download", async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const { page, email } = await newReader(ctx, "acct");
  await page.goto("/account");
  await page.getByLabel("Display name").fill("Renamed Reader");
  await page.getByLabel("Show my poll vote beside my comments").uncheck();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Renamed Reader");
  await expect(page.getByLabel("Show my poll vote beside my comments")).not.toBeChecked();

  const data = await ctx.request.get("/api/v1/account/export");
  expect(data.status()).toBe(200);
  expect(data.headers()["content-disposition"]).toMatch(
    /attachment; filename="agora-my-data-\d{4}-\d\d-\d\d\.json"/,
  );
  const json = await data.json();
  expect(json.profile).toMatchObject({ email, name: "Renamed Reader", showPollTag: false });
  expect(json).toHaveProperty("comments");
  expect(json).toHaveProperty("commentVotes");
  expect(json).toHaveProperty("pollVotes");
  expect(json).toHaveProperty("reports");

  await page.getByLabel("Current password").fill("not-my-password-1");
  await page.getByLabel("New password").fill("Brand-new-password-7");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.")).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=password_changed/);
  await expect(page.getByText(/Your password was changed and every session ended/)).toBeVisible();
  expect(await me(ctx.request)).toBeNull();
  await signInPage(page, email, PASSWORD);
  await expect(alertBox(page)).toHaveText(WRONG);
  await signInPage(page, email, "Brand-new-password-7");
  await expect(page).toHaveURL(/\/$/);
  await ctx.close();
});

test('"sign out everywhere" ends the session on every device', async ({ browser }) => {
  const a = await browser.newContext();
  const { page, email } = await newReader(a, "everywhere");
  const b = await browser.newContext();
  const pb = await b.newPage();
  await signInPage(pb, email, PASSWORD);
  await expect(pb).toHaveURL(/\/$/);
  expect(await me(b.request)).not.toBeNull();
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=signed_out_everywhere/);
  // the other device's cookie no longer authorises anything
  expect((await b.request.get("/api/v1/account")).status()).toBe(401);
  const r = await b.request.get("/account", { maxRedirects: 0 });
  expect(r.status()).toBe(307);
  expect(r.headers().location).toContain("/signin");
  expect(await me(b.request)).toBeNull();
  await a.close();
  await b.close();
});

test("a ban ends the banned reader's session; signed in again, they read and see why they cannot write", async ({
  browser,
  baseURL,
}) => {
  const u = await browser.newContext();
  const { page, email, id } = await newReader(u, "banme");
  const mod = await browser.newContext();
  await signInContext(mod, "moderator", baseURL!);
  const ban = await mod.request.post(`/api/v1/admin/users/${id}/status`, {
    data: { status: "banned", note: "spam links" },
    headers: { origin: baseURL! },
  });
  expect(ban.status()).toBe(200);
  expect((await ban.json()).user).toMatchObject({ id, status: "banned", statusReason: "spam links" });
  expect((await u.request.get("/api/v1/account")).status()).toBe(401);
  expect((await u.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);

  await signInPage(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page.getByText("Your account is banned: spam links. You can still read.")).toBeVisible();
  await expect(page.getByLabel("Display name")).toBeDisabled();
  const now = (await (await u.request.get("/api/v1/me")).json()).user;
  expect(now.restrictionCode).toBe("account_restricted");
  expect((await page.goto("/articles/will-russia-defend-maduro"))?.status()).toBe(200);
  await u.close();
  await mod.close();
});

test("a suspended reader sees until when and why", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext();
  await signInContext(ctx, "suspended", baseURL!);
  const page = await ctx.newPage();
  await page.goto("/account");
  await expect(
    page.getByText("Your account is suspended until 2099-01-01 00:00 UTC (cooling off). You can still read."),
  ).toBeVisible();
  await ctx.close();
});

test("deleting the account: confirm by typing; afterwards the old cookie and the password are dead", async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const { page, email } = await newReader(ctx, "leaver");
  await page.goto("/account");
  await page.getByRole("link", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Delete your account" })).toBeVisible();
  await page.getByLabel("Remove them entirely").check();
  await page.getByLabel(/Type "delete my account" to confirm/).fill("delete it");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText('Type "delete my account" exactly to confirm.')).toBeVisible();
  expect(await me(ctx.request)).not.toBeNull();
  await page.getByLabel(/Type "delete my account" to confirm/).fill("delete my account");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  expect(await me(ctx.request)).toBeNull();
  expect((await ctx.request.get("/api/v1/account")).status()).toBe(401);
  await signInPage(page, email, PASSWORD);
  await expect(alertBox(page)).toHaveText(WRONG);
  expect(await me(ctx.request)).toBeNull();
  await ctx.close();
});

test("a tampered session cookie is a clean sign-out, never an error", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext();
  await signInContext(ctx, "reader", baseURL!);
  const cookies = await ctx.cookies();
  const session = cookies.find((c) => c.name.endsWith("session-token"))!;
  await ctx.addCookies([
    { ...session, value: `${session.value.slice(0, 20)}XXXXXXXXXX${session.value.slice(30)}` },
  ]);
  expect(await me(ctx.request)).toBeNull();
  const r = await ctx.request.get("/account", { maxRedirects: 0 });
  expect(r.status()).toBe(307);
  const s = await ctx.request.get("/api/auth/session");
  expect(s.status()).toBe(200);
  expect(await s.json()).toBeNull();
  const page = await ctx.newPage();
  expect((await page.goto("/"))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await ctx.close();
});

test("the N+1th wrong password within the window gets 429 with when to retry (per account: 5)", async ({
  page,
  request,
  baseURL,
}) => {
  const email = uniqueEmail("guess");
  const attempt = async () => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: "wrong-password-x" },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 5; i++) {
    const r = await attempt();
    expect(r.status()).toBe(302);
    expect(r.headers().location).toContain("error=CredentialsSignin");
  }
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(800);
  expect((await limited.json()).error).toEqual({
    code: "rate_limited",
    message: "Too many sign-in attempts for this account. Try again in 15 minutes.",
  });
  // the sign-in page says the same
  await signInPage(page, email, "wrong-password-x");
  await expect(alertBox(page)).toHaveText(
    /Too many sign-in attempts for this account\. Try again in 1[45] minutes\./,
  );
});

test("sign-in methods: GitHub shown when configured (Google is not), unknown providers get a clear message", async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Continue with GitHub" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Google/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  // the button starts GitHub's OAuth flow; the test stops at GitHub's door
  let authorizeUrl: URL | null = null;
  await page.route("https://github.com/**", (route) => {
    authorizeUrl = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/plain", body: "GitHub (stub)" });
  });
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page.getByText("GitHub (stub)")).toBeVisible();
  expect(authorizeUrl!.pathname).toBe("/login/oauth/authorize");
  expect(authorizeUrl!.searchParams.get("client_id")).toBe("e2e-github-client");
  expect(authorizeUrl!.searchParams.get("redirect_uri")).toMatch(/\/api\/auth\/callback\/github$/);

  const api = await request.post("/api/auth/signin/myspace", {
    headers: { origin: baseURL! },
    maxRedirects: 0,
  });
  expect(api.status()).toBe(404);
  expect((await api.json()).error.message).toMatch(/There is no sign-in method "myspace" here/);
  for (const path of ["/api/auth/signin/google", "/api/auth/callback/myspace?code=1"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?error=UnknownProvider/);
    await expect(alertBox(page)).toHaveText(/That sign-in method is not available here/);
  }
});
