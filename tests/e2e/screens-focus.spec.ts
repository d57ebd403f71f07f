// Issue 13, driven from the keyboard in a real browser against a server of its own: after posting,
// replying, voting on a comment, reporting, rating and voting in a poll, focus lands on something
// meaningful (the new comment, the pressed button, the status message) — never <body>. Also the
// "Featured" list and the Staff / Author badges beside a commenter's name.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { freshDatabase, type Server, specPort, startServer } from "./comments-server";
import { signInContext, USERS } from "./users";

const SLUG = "will-russia-defend-maduro";
const Q1 =
  "Is Russia's support for Maduro a genuine commitment to sovereignty, or a calculated move to counter Western influence?";
const PORT = specPort(4);
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let server: Server;
let dropDb: () => void;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const db = freshDatabase(process.env.DATABASE_URL ? "postgres" : "pglite");
  dropDb = db.drop;
  server = await startServer(PORT, db);
});
test.afterAll(async () => {
  await server?.stop();
  dropDb?.();
});

async function signedIn(browser: Browser, who: keyof typeof USERS) {
  const ctx = await browser.newContext({ baseURL: BASE });
  await signInContext(ctx, who, BASE);
  return ctx;
}

async function openArticle(page: Page) {
  await page.goto(`/articles/${SLUG}#comments`);
  await expect(page.locator('[data-comments="article"][data-live][data-reader="ready"]')).toBeVisible();
}

/** What has focus: never <body>. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName.toLowerCase() ?? "none",
      id: e?.id ?? "",
      role: e?.getAttribute("role") ?? "",
      label: e?.getAttribute("aria-label") ?? "",
      text: (e?.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 200),
    };
  });
}

/** Presses Enter on the element, as a keyboard user does after tabbing to it. */
async function pressOn(page: Page, el: import("@playwright/test").Locator, key = "Enter") {
  await el.focus();
  await expect(el).toBeFocused();
  await page.keyboard.press(key);
}

test("posting and replying: focus moves to the new comment", async ({ browser }) => {
  const ctx = await signedIn(browser, "reader");
  const page = await ctx.newPage();
  await openArticle(page);
  await page.getByLabel("Add a comment").focus();
  await page.keyboard.type("Focus check: a comment typed with the keyboard");
  await page.keyboard.press("Tab"); // to "Post comment"
  await expect(page.getByRole("button", { name: "Post comment" })).toBeFocused();
  await page.keyboard.press("Enter");
  const root = page
    .locator("li.comment", { hasText: "Focus check: a comment typed with the keyboard" })
    .first();
  await expect(root).toBeVisible();
  await expect.poll(async () => (await focused(page)).id).toMatch(/^c-/);
  const f = await focused(page);
  expect(f.text).toContain("Focus check: a comment typed with the keyboard");

  // reply: Enter on "Reply" opens the form with focus in it; Enter on "Post reply" focuses the reply
  await pressOn(page, root.getByRole("button", { name: "Reply" }).first());
  await expect(page.getByLabel(`Reply to ${USERS.reader.name}`)).toBeFocused();
  await page.keyboard.type("Focus check: the reply");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Post reply" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("article[data-depth='1']", { hasText: "Focus check: the reply" })).toBeVisible();
  await expect.poll(async () => (await focused(page)).text).toMatch(/^.*Focus check: the reply/);
  expect((await focused(page)).id).toMatch(/^c-/);
  await ctx.close();
});

test("voting on a comment keeps focus on the button; reporting focuses the thank-you", async ({
  browser,
}) => {
  const author = await signedIn(browser, "reader");
  const r = await author.request.post(`/api/v1/articles/${SLUG}/comments`, {
    data: { body: "Focus check: vote and report this" },
    headers: { origin: BASE },
  });
  expect(r.status()).toBe(201);
  const id = (await r.json()).id as string;
  const ctx = await signedIn(browser, "reader2");
  const page = await ctx.newPage();
  await expect(async () => {
    await openArticle(page);
    await expect(page.locator(`article[data-comment-id="${id}"]`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const c = page.locator(`article[data-comment-id="${id}"]`);
  const up = c.getByRole("button", { name: "Upvote" });
  await pressOn(page, up);
  await expect(c.locator("[data-score]")).toHaveText("1");
  await expect(up).toHaveAttribute("aria-pressed", "true");
  await expect(up).toBeFocused();
  // Space undoes it, focus still there
  await page.keyboard.press("Space");
  await expect(c.locator("[data-score]")).toHaveText("0");
  await expect(up).toBeFocused();

  await pressOn(page, c.getByRole("button", { name: "Report" }));
  await pressOn(page, c.getByRole("radio", { name: "Spam" }), "Space");
  await expect(c.getByRole("radio", { name: "Spam" })).toBeChecked();
  await pressOn(page, c.getByRole("button", { name: "Send report" }));
  await expect(c.getByText("Thank you. The moderators will look at this comment.")).toBeVisible();
  await expect
    .poll(async () => (await focused(page)).text)
    .toBe("Thank you. The moderators will look at this comment.");
  await author.close();
  await ctx.close();
});

test("rating and poll voting focus the status message", async ({ page }) => {
  await page.goto(`/articles/${SLUG}`);
  const fb = page.getByRole("region", { name: "Your feedback on this article" });
  await pressOn(page, fb.getByRole("radio", { name: "4 stars" }), "Space");
  await expect(fb.getByRole("radio", { name: "4 stars" })).toBeChecked();
  await pressOn(page, fb.getByRole("button", { name: "Rate" }));
  await expect(fb.getByRole("status")).toHaveText("Thank you: you rated this article 4 out of 5.");
  await expect(fb.getByRole("status")).toBeFocused();
  await pressOn(page, fb.getByRole("button", { name: "Yes", exact: true }));
  await expect(fb.getByRole("status")).toHaveText("Thank you for your answer.");
  await expect(fb.getByRole("status")).toBeFocused();

  const p = page.getByRole("region", { name: Q1 });
  await pressOn(page, p.getByRole("radio", { name: "Some of both" }), "Space");
  await pressOn(page, p.getByRole("button", { name: "Vote" }));
  await expect(p.getByRole("status")).toHaveText("Thank you, your vote was counted.");
  await expect(p.getByRole("status")).toBeFocused();
});

test("the Featured list, and the Staff and Author badges", async ({ browser }) => {
  const admin = await signedIn(browser, "admin");
  // the seed article's author gets reader3's account
  const authors = (await (await admin.request.get("/api/v1/admin/authors")).json()).items as {
    id: string;
    name: string;
  }[];
  const list = (await (await admin.request.get("/api/v1/admin/articles")).json()).items as {
    slug: string;
    authorName: string;
  }[];
  const authorName = list.find((a) => a.slug === SLUG)?.authorName;
  const au = authors.find((a) => a.name === authorName) ?? authors[0];
  const bad = await admin.request.put(`/api/v1/admin/authors/${au.id}/account`, {
    data: { email: "not-an-address" },
    headers: { origin: BASE },
  });
  expect(bad.status()).toBe(422);
  const link = await admin.request.put(`/api/v1/admin/authors/${au.id}/account`, {
    data: { email: USERS.reader3.email },
    headers: { origin: BASE },
  });
  expect(link.status(), await link.text()).toBe(200);

  const writer = await signedIn(browser, "reader3");
  const post = async (ctx: typeof admin, body: string) => {
    const r = await ctx.request.post(`/api/v1/articles/${SLUG}/comments`, {
      data: { body },
      headers: { origin: BASE },
    });
    expect(r.status()).toBe(201);
    return (await r.json()).id as string;
  };
  const fromAuthor = await post(writer, "Badge check: written by the article's author");
  const fromStaff = await post(admin, "Badge check: written by an admin");
  const featured = await post(writer, "Featured check: the one moderators chose");
  const dec = await admin.request.post(`/api/v1/admin/comments/${featured}/decision`, {
    data: { action: "feature" },
    headers: { origin: BASE },
  });
  expect(dec.status()).toBe(200);

  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await expect(async () => {
    await openArticle(page);
    await expect(page.locator(`article[data-comment-id="${featured}"]`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const meta = (id: string) => page.locator(`article[data-comment-id="${id}"] header`);
  await expect(meta(fromAuthor).getByText("Author", { exact: true })).toBeVisible();
  await expect(meta(fromAuthor).getByText("Staff", { exact: true })).toHaveCount(0);
  await expect(meta(fromStaff).getByText("Staff", { exact: true })).toBeVisible();
  await expect(meta(fromStaff).getByText("Author", { exact: true })).toHaveCount(0);
  await expect(meta(featured).getByText("Featured", { exact: true })).toBeVisible();

  // the Featured list: only featured comments, and focus stays on the control
  const sorts = page.getByRole("navigation", { name: "Sort comments" });
  const featuredLink = sorts.getByRole("link", { name: "Featured" });
  await pressOn(page, featuredLink);
  await expect(featuredLink).toHaveAttribute("aria-current", "true");
  await expect(page.locator("article[data-comment-id]")).toHaveCount(1);
  await expect(page.locator(`article[data-comment-id="${featured}"]`)).toBeVisible();
  await expect(featuredLink).toBeFocused();
  // the same list without JavaScript (the comments page) and from the API
  const api = await (await page.request.get(`/api/v1/articles/${SLUG}/comments?sort=featured`)).json();
  expect(api.comments.map((c: { id: string }) => c.id)).toEqual([featured]);
  const bad2 = await page.request.get(`/api/v1/articles/${SLUG}/comments?sort=best`);
  expect(bad2.status()).toBe(422);
  expect((await bad2.json()).error.message).toMatch(/new, top, old, featured/);
  await admin.close();
  await writer.close();
});
