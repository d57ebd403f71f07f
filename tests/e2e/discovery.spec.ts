// Discovery in a real browser (issue 15): site search, a reader hiding their profile, and the editor's
// "What readers said" block; the new pages at 390 px in light and dark, without CSP violations.
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { signInContext } from "./users";

const SLUG = "will-russia-defend-maduro";
const TITLE = "Will Russia Defend Maduro";

/** Posts a comment as `ctx`'s user and makes sure it is approved (an admin approves it when held). */
async function approvedComment(ctx: BrowserContext, admin: APIRequestContext, baseURL: string, body: string) {
  const r = await ctx.request.post(`/api/v1/articles/${SLUG}/comments`, {
    data: { body },
    headers: { origin: baseURL },
  });
  expect(r.status()).toBe(201);
  const c = (await r.json()) as { id: string; status: string };
  if (c.status !== "approved") {
    const d = await admin.post(`/api/v1/admin/comments/${c.id}/decision`, {
      data: { action: "approve" },
      headers: { origin: baseURL },
    });
    expect(d.ok()).toBe(true);
  }
  return c.id;
}

async function adminContext(browser: import("@playwright/test").Browser, baseURL: string) {
  const ctx = await browser.newContext();
  await signInContext(ctx, "admin", baseURL);
  return ctx;
}

/** No horizontal scrolling at 390 px, in light and dark. */
async function fitsPhone(page: Page, path: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} (${scheme}) scrolls sideways`).toBeLessThanOrEqual(0);
  }
}

test.describe("discovery", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("search finds the article and an approved comment, hints at short queries", async ({
    browser,
    baseURL,
  }) => {
    const admin = await adminContext(browser, baseURL!);
    const reader = await browser.newContext();
    await signInContext(reader, "reader2", baseURL!);
    const word = `quokka${Date.now().toString(36)}`;
    await approvedComment(reader, admin.request, baseURL!, `Searchable ${word} answer about the Caribbean.`);

    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/search");
    await page.getByLabel("Search articles and comments").fill("Zakharova");
    await page.getByLabel("Search articles and comments").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=Zakharova/);
    const results = page.getByRole("region", { name: /Results for/ });
    await expect(results.getByRole("link", { name: new RegExp(TITLE) })).toBeVisible();
    await expect(results.locator("mark").first()).toHaveText(/zakharova/i);

    // the approved comment is found (search results follow the article's cache tag within ~1 s)
    await expect
      .poll(async () => {
        await page.goto(`/search?q=${word}&type=comments`);
        return page
          .getByRole("region", { name: /Results for/ })
          .locator("li")
          .count();
      })
      .toBe(1);
    await expect(page.locator("mark").first()).toHaveText(word);

    // a 1-character query: the form with a hint, no results section
    await page.goto("/search?q=a");
    await expect(page.getByText("Enter at least 2 characters to search.")).toBeVisible();
    await expect(page.getByRole("region", { name: /Results for/ })).toHaveCount(0);
    // operators and quotes: an answer, never an error page
    const odd = await page.goto(`/search?q=${encodeURIComponent('"russia -maduro OR (')}`);
    expect(odd?.status()).toBe(200);
    await fitsPhone(page, "/search?q=russia");
    expect(violations).toEqual([]);
  });

  test("a reader hides their profile: others get 404, staff still see it", async ({ browser, baseURL }) => {
    const admin = await adminContext(browser, baseURL!);
    const reader = await browser.newContext();
    await signInContext(reader, "reader3", baseURL!);
    const word = `profileword${Date.now().toString(36)}`;
    await approvedComment(reader, admin.request, baseURL!, `My ${word} view on this.`);

    // an anonymous visitor follows the commenter's name from the article to the profile
    const anon = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await anon.newPage();
    let href: string | null = null;
    await expect
      .poll(async () => {
        await page.goto(`/articles/${SLUG}`);
        const name = page
          .locator("article[data-comment-id]")
          .filter({ hasText: word })
          .locator("a.comment-author");
        href = (await name.count()) ? await name.getAttribute("href") : null;
        return href;
      })
      .toMatch(/^\/readers\/[a-z0-9-]+$/);
    await page.goto(href!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rae Reader");
    await expect(page.getByText(word)).toBeVisible();
    await fitsPhone(page, href!);

    // the reader hides it on the account page
    const own = await reader.newPage();
    await own.goto("/account");
    await own.getByLabel("Hide my profile").check();
    await own.getByRole("button", { name: "Save public profile" }).click();
    await expect(own.getByText("Saved: your profile is hidden.")).toBeVisible();

    await expect.poll(async () => (await anon.request.get(href!)).status()).toBe(404);
    const staff = await admin.newPage();
    await staff.goto(`/admin${href}`);
    await expect(staff.getByText("The reader hid this profile: only staff see it.")).toBeVisible();
    await expect(staff.getByText(word)).toBeVisible();

    // and shows it again (so other tests and reruns start from a visible profile)
    await own.getByLabel("Hide my profile").uncheck();
    await own.getByRole("button", { name: "Save public profile" }).click();
    await expect(own.getByText(/^Saved\.$/)).toBeVisible();
    await expect.poll(async () => (await anon.request.get(href!)).status()).toBe(200);
  });

  test("an editor shortlists a comment and publishes “What readers said”; a removed comment drops out", async ({
    browser,
    baseURL,
  }) => {
    const admin = await adminContext(browser, baseURL!);
    const reader = await browser.newContext();
    await signInContext(reader, "reader", baseURL!);
    const word = `followword${Date.now().toString(36)}`;
    const cid = await approvedComment(reader, admin.request, baseURL!, `Editors, quote this ${word} please.`);

    // the moderator shortlists it under the article
    const mod = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await signInContext(mod, "moderator", baseURL!);
    const page = await mod.newPage();
    const item = page.locator(`article[data-comment-id="${cid}"]`);
    await page.goto(`/articles/${SLUG}/comments/${cid}`);
    await expect(page.locator("[data-comments][data-reader=ready]")).toBeVisible();
    await item.getByRole("button", { name: "Shortlist" }).click();
    await expect(item.getByRole("button", { name: "Shortlisted" })).toBeVisible();

    // and publishes the block from the article's follow-up page
    const articles = await (await admin.request.get("/api/v1/admin/articles")).json();
    const articleId = (articles.items as { id: string; slug: string }[]).find((a) => a.slug === SLUG)!.id;
    await page.goto(`/admin/articles/${articleId}/follow-up`);
    await page.getByLabel("Editor's text").fill("Thank you: here is what stood out to the newsroom.");
    await page.getByRole("checkbox", { name: new RegExp(word) }).check();
    await page.getByRole("button", { name: "Publish “What readers said”" }).click();
    await expect(page.getByText("Published: the block is on the article page.")).toBeVisible();

    // readers see it above the comments, quoting the comment with a link to it
    const anon = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const block = anon.getByRole("region", { name: "What readers said" });
    await expect
      .poll(async () => {
        await anon.goto(`/articles/${SLUG}`);
        return block.getByText(word).count();
      })
      .toBe(1);
    await expect(block.getByText("Thank you: here is what stood out to the newsroom.")).toBeVisible();
    await expect(block.getByRole("link", { name: "read the comment" })).toHaveAttribute(
      "href",
      `/articles/${SLUG}/comments/${cid}`,
    );
    await expect(block.getByText("The poll when we wrote this")).toBeVisible();

    // a moderator removes the comment: it disappears from the block
    const d = await mod.request.post(`/api/v1/admin/comments/${cid}/decision`, {
      data: { action: "reject", reason: "Off-topic after all." },
      headers: { origin: baseURL! },
    });
    expect(d.ok()).toBe(true);
    await expect
      .poll(async () => {
        await anon.goto(`/articles/${SLUG}`);
        return anon.getByRole("region", { name: "What readers said" }).getByText(word).count();
      })
      .toBe(0);
    await expect(anon.getByRole("region", { name: "What readers said" })).toBeVisible();
  });

  test("tag, author and feed pages fit a phone", async ({ page }) => {
    await fitsPhone(page, "/tags/russia");
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await fitsPhone(page, "/authors/delena-feil");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delena Feil");
    const feed = await page.request.get("/feed.xml");
    expect(feed.headers()["content-type"]).toMatch(/rss\+xml/);
  });
});
