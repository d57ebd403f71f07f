// Comments in a real browser against a production server of their own (tests/e2e/comments-server.ts):
// post, reply, reply to the reply, edit, delete, vote, report, sort, load more, show more replies,
// permalink with deeper threads, a live update seen by a second browser, reading and posting without
// JavaScript.
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { freshDatabase, type Server, specPort, startServer } from "./comments-server";
import { signInContext, USERS } from "./users";

const SLUG = "will-russia-defend-maduro";
const PORT = specPort(1);
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

async function signedIn(browser: import("@playwright/test").Browser, who: keyof typeof USERS, js = true) {
  const ctx = await browser.newContext({ baseURL: BASE, javaScriptEnabled: js });
  await signInContext(ctx, who, BASE);
  return ctx;
}

async function apiPost(req: APIRequestContext, body: string, parentId?: string): Promise<string> {
  const r = await req.post(`/api/v1/articles/${SLUG}/comments`, {
    data: { body, parentId },
    headers: { origin: BASE },
  });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()).id;
}

const commentEl = (page: Page, text: string) =>
  page.locator("article[data-comment-id]").filter({ hasText: text });
const byId = (page: Page, id: string) => page.locator(`article[data-comment-id="${id}"]`);

/**
 * Loads the article page. Without `#comments`: a `goto` to the URL the page already shows WITH a
 * fragment is a same-document navigation in Chromium (no request, the old DOM stays), which made
 * openShowing's retries re-check a stale page for 15 s (docs/decisions/063-e2e-stale-first-load.md).
 */
async function openArticle(page: Page) {
  await page.goto(`/articles/${SLUG}`);
  await expect(page.locator('[data-comments="article"][data-live][data-reader="ready"]')).toBeVisible();
}

/**
 * Opens the page until `shows` is on it, loading it again on every try (`open` must make a request).
 * The article page is cached; writes invalidate it at once here (AGORA_INVALIDATE_WINDOW_MS=0) but at
 * most about once a second in production (lib/cache/index.ts folds later writes into one trailing
 * invalidation), and a render that began before a write may still answer a request made after it.
 */
async function openShowing(page: Page, shows: Locator, open = () => openArticle(page)) {
  await expect(async () => {
    await open();
    await expect(shows).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

test("post, reply, reply to the reply, edit and delete", async ({ browser }) => {
  const ctx = await signedIn(browser, "reader");
  const page = await ctx.newPage();
  await openArticle(page);
  const box = page.getByLabel("Add a comment");
  await box.fill("A first comment from the browser");
  await expect(page.getByText("32 / 5,000 characters")).toBeVisible();
  await page.getByRole("button", { name: "Post comment" }).click();
  const root = commentEl(page, "A first comment from the browser");
  await expect(root).toBeVisible();
  await expect(box).toHaveValue("");

  await root.getByRole("button", { name: "Reply" }).click();
  await page.getByLabel(`Reply to ${USERS.reader.name}`).fill("A reply to my own comment");
  await page.getByRole("button", { name: "Post reply" }).click();
  const reply = commentEl(page, "A reply to my own comment");
  await expect(reply).toHaveAttribute("data-depth", "1");

  await reply.getByRole("button", { name: "Reply" }).click();
  await page.getByLabel(`Reply to ${USERS.reader.name}`).fill("And a reply to the reply");
  await page.getByRole("button", { name: "Post reply" }).click();
  const deep = commentEl(page, "And a reply to the reply");
  await expect(deep).toHaveAttribute("data-depth", "2");

  await root.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByLabel("Edit your comment");
  await expect(edit).toHaveValue("A first comment from the browser");
  await edit.fill("A first comment, *edited*");
  await page.getByRole("button", { name: "Save" }).click();
  const edited = commentEl(page, "A first comment, edited");
  await expect(edited.locator("em")).toHaveText("edited");
  await expect(edited.getByRole("button", { name: "Edited" })).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await reply.getByRole("button", { name: "Delete" }).click();
  const rootLi = page.locator("li", { has: edited }).first();
  await expect(rootLi.getByText("[deleted]").first()).toBeVisible();
  await expect(commentEl(page, "A reply to my own comment")).toHaveCount(0);
  await expect(deep).toBeVisible();

  // the cached page shows the same after a reload (within the invalidation window)
  await expect(async () => {
    await page.reload();
    await expect(commentEl(page, "A first comment, edited")).toBeVisible({ timeout: 1000 });
    await expect(commentEl(page, "And a reply to the reply")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByText("A reply to my own comment")).toHaveCount(0);
  await ctx.close();
});

test("votes: up, change, undo; remembered per reader; never on one's own", async ({ browser }) => {
  const author = await signedIn(browser, "reader");
  const id = await apiPost(author.request, "Vote on this comment, please");
  const voter = await signedIn(browser, "reader2");
  const page = await voter.newPage();
  await openShowing(page, byId(page, id));
  const c = byId(page, id);
  const up = c.getByRole("button", { name: "Upvote" });
  const down = c.getByRole("button", { name: "Downvote" });
  const score = c.locator("[data-score]");
  await up.click();
  await expect(score).toHaveText("1");
  await expect(up).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(byId(page, id).getByRole("button", { name: "Upvote" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await byId(page, id).getByRole("button", { name: "Downvote" }).click();
  await expect(byId(page, id).locator("[data-score]")).toHaveText("-1");
  await byId(page, id).getByRole("button", { name: "Downvote" }).click();
  await expect(byId(page, id).locator("[data-score]")).toHaveText("0");
  await expect(down).toHaveAttribute("aria-pressed", "false");

  const own = await author.newPage();
  await openShowing(own, byId(own, id));
  await expect(byId(own, id).getByRole("button", { name: "Upvote" })).toBeDisabled();
  const r = await author.request.post(`/api/v1/comments/${id}/vote`, {
    data: { value: 1 },
    headers: { origin: BASE },
  });
  expect(r.status()).toBe(403);
  await author.close();
  await voter.close();
});

test("report a comment once, with a reason", async ({ browser }) => {
  const author = await signedIn(browser, "reader");
  const id = await apiPost(author.request, "Report this one if you must");
  const reporter = await signedIn(browser, "reader3");
  const page = await reporter.newPage();
  await openShowing(page, byId(page, id));
  const c = byId(page, id);
  await c.getByRole("button", { name: "Report" }).click();
  await c.getByLabel("Spam").check();
  await c.getByRole("button", { name: "Send report" }).click();
  await expect(c.getByText("Thank you. The moderators will look at this comment.")).toBeVisible();
  const again = await reporter.request.post(`/api/v1/comments/${id}/reports`, {
    data: { reason: "abuse" },
    headers: { origin: BASE },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe("already_reported");
  await author.close();
  await reporter.close();
});

test("sort newest, top and oldest; load more", async ({ browser }) => {
  const poster = await signedIn(browser, "reader3");
  const ids: string[] = [];
  for (let i = 0; i < 23; i++) ids.push(await apiPost(poster.request, `Numbered thread ${i}`));
  const voter = await signedIn(browser, "reader");
  const best = ids[3];
  expect(
    (
      await voter.request.post(`/api/v1/comments/${best}/vote`, {
        data: { value: 1 },
        headers: { origin: BASE },
      })
    ).status(),
  ).toBe(200);

  const page = await voter.newPage();
  await openShowing(page, byId(page, ids[22]));
  const tops = page.locator('ol[aria-label="Comments"] > li > article');
  await expect(tops.first()).toHaveAttribute("data-comment-id", ids[22]);
  await expect(tops).toHaveCount(20);

  await page.getByRole("navigation", { name: "Sort comments" }).getByRole("link", { name: "Top" }).click();
  await expect(tops.first()).toHaveAttribute("data-comment-id", best);
  const oldest = (await (await page.request.get(`/api/v1/articles/${SLUG}/comments?sort=old`)).json())
    .comments[0].id;
  await page.getByRole("navigation", { name: "Sort comments" }).getByRole("link", { name: "Oldest" }).click();
  await expect(tops.first()).toHaveAttribute("data-comment-id", oldest);

  await page.getByRole("navigation", { name: "Sort comments" }).getByRole("link", { name: "Newest" }).click();
  await expect(tops.first()).toHaveAttribute("data-comment-id", ids[22]);
  const total = (await (await page.request.get(`/api/v1/articles/${SLUG}/comments?limit=50`)).json()).comments
    .length;
  await page.getByRole("link", { name: "Load more comments" }).click();
  await expect(tops).toHaveCount(Math.min(total, 40));
  const seen = await tops.evaluateAll((els) => els.map((e) => e.getAttribute("data-comment-id")));
  expect(new Set(seen).size).toBe(seen.length);
  // focus moves to the first comment the link brought (the link itself may be gone), never <body>
  await expect(page.locator(`[id="c-${seen[20]}"]`)).toBeFocused();
  await poster.close();
  await voter.close();
});

test("show more replies, continue deep threads on the permalink page", async ({ browser }) => {
  const a = await signedIn(browser, "reader");
  const b = await signedIn(browser, "reader2");
  const root = await apiPost(a.request, "A root with many replies");
  for (let i = 0; i < 5; i++) await apiPost((i % 2 ? a : b).request, `Reply number ${i}`, root);
  const chain: string[] = [await apiPost(a.request, "Deep thread level 0")];
  for (let d = 1; d <= 8; d++)
    chain.push(await apiPost((d % 2 ? b : a).request, `Deep thread level ${d}`, chain[d - 1]));

  const page = await b.newPage();
  await openShowing(page, byId(page, chain[6]));
  const rootLi = page.locator(`li#c-${root}`);
  await expect(rootLi.locator("article[data-comment-id]")).toHaveCount(4);
  await rootLi.getByRole("link", { name: "Show 2 more replies" }).click();
  await expect(rootLi.locator("article[data-comment-id]")).toHaveCount(6);
  await expect(rootLi.getByText("Reply number 4")).toBeVisible();
  // the link is gone with the last replies: focus is on the first reply it brought, not <body>
  await expect(page.locator("li.comment:focus > article")).toContainText("Reply number 3");

  await expect(byId(page, chain[6])).toBeVisible();
  await expect(byId(page, chain[7])).toHaveCount(0);
  await page
    .locator(`li#c-${chain[6]}`)
    .getByRole("link", { name: /Continue this thread/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}/comments/${chain[6]}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Comment by ${USERS.reader.name}`);
  const context = page.getByRole("region", { name: "Earlier in this thread" });
  for (let d = 0; d < 6; d++)
    await expect(context.getByText(`Deep thread level ${d}`, { exact: true })).toBeVisible();
  await expect(byId(page, chain[7])).toBeVisible();
  await expect(byId(page, chain[8])).toBeVisible();

  // a permalink of a comment in context, and replying there
  await page.goto(`/articles/${SLUG}/comments/${chain[2]}`);
  await expect(byId(page, chain[2])).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Earlier in this thread" }).getByText("Deep thread level 1"),
  ).toBeVisible();
  await expect(page.locator('[data-comments="thread"][data-reader="ready"]')).toBeVisible();
  await page.getByLabel(`Reply to ${USERS.reader.name}`).last().fill("Replying from the permalink page");
  await page.getByRole("button", { name: "Post reply" }).last().click();
  await expect(commentEl(page, "Replying from the permalink page")).toHaveAttribute("data-depth", "3");
  expect(
    (await page.request.get(`/articles/${SLUG}/comments/00000000-0000-0000-0000-000000000000`)).status(),
  ).toBe(404);
  await a.close();
  await b.close();
});

test("a second reader sees a new comment live: N new comments — show", async ({ browser }) => {
  const watcher = await browser.newContext({ baseURL: BASE });
  const page = await watcher.newPage();
  await openArticle(page);
  await expect(page.locator('[data-comments="article"][data-live="connected"]')).toBeVisible();
  const writer = await signedIn(browser, "reader2");
  const w = await writer.newPage();
  await openArticle(w);
  await w.getByLabel("Add a comment").fill("Breaking: a comment arrives live");
  await w.getByRole("button", { name: "Post comment" }).click();
  await expect(commentEl(w, "Breaking: a comment arrives live")).toBeVisible();
  const banner = page.getByRole("button", { name: "1 new comment — show" });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText("Breaking: a comment arrives live")).toHaveCount(0);
  await banner.click();
  await expect(commentEl(page, "Breaking: a comment arrives live")).toBeVisible();
  await expect(banner).toHaveCount(0);
  // anonymous readers are invited to sign in instead of a form
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await expect(page.getByLabel("Add a comment")).toHaveCount(0);
  await watcher.close();
  await writer.close();
});

test("reading and posting without JavaScript", async ({ browser }) => {
  const anon = await browser.newContext({ baseURL: BASE, javaScriptEnabled: false });
  const page = await anon.newPage();
  await openShowing(page, page.getByText("Breaking: a comment arrives live"), () =>
    page.goto(`/articles/${SLUG}`).then(() => {}),
  );
  const list = page.locator('ol[aria-label="Comments"]');
  await expect(list.locator("> li").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Load more comments" })).toHaveAttribute("href", /cursor=/);
  await expect(page.getByText("You need to be signed in to post.")).toBeVisible();
  // next page without JavaScript
  await page.getByRole("link", { name: "Load more comments" }).click();
  await expect(page).toHaveURL(/\/comments\?sort=new&cursor=/);
  await expect(page.locator('ol[aria-label="Comments"] > li').first()).toBeVisible();
  await anon.close();

  const ctx = await signedIn(browser, "reader3", false);
  const p = await ctx.newPage();
  await p.goto(`/articles/${SLUG}`);
  await p.getByLabel("Add a comment").fill("Posted without any JavaScript");
  await p.getByRole("button", { name: "Post comment" }).click();
  await expect(p).toHaveURL(/\/articles\/will-russia-defend-maduro\/comments\?posted=/);
  await expect(p.getByRole("status").filter({ hasText: "Your comment is published." })).toBeVisible();
  await expect(p.getByText("Posted without any JavaScript")).toBeVisible();
  // a mistake comes back as a clear message
  await p.goto(`/articles/${SLUG}`);
  await p.getByLabel("Add a comment").fill("x");
  await p.getByRole("button", { name: "Post comment" }).click();
  await expect(p.locator("#comment-error")).toContainText("at least 2 characters");
  await ctx.close();
});
