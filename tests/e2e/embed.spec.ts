// The embed on a page of another site (two local ports, two host names: cross-site for the browser),
// with third-party cookies blocked: the frame renders the thread (created on first load because the
// origin is allowed), sizes itself by postMessage, signs in through the first-party popup and gets
// partitioned (CHIPS) cookies, posts a comment, and the count script shows it. A page of an origin not
// on the list gets no frame and creates no thread.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { runTag } from "./run-fixtures";
import { signInRequest, USERS } from "./users";

const HOST_PORT = Number(process.env.E2E_EMBED_HOST_PORT || 3372);
const OTHER_PORT = HOST_PORT + 1;
// "localhost" vs the app's 127.0.0.1: another site, so the frame is third-party
const host = `http://localhost:${HOST_PORT}`;
const other = `http://localhost:${OTHER_PORT}`;

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--test-third-party-cookie-phaseout"],
  },
});

function story(app: string, id: string, title: string, poll = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1><p>Comments: <span data-agora-count="${id}">…</span></p>
<div id="agora-comments" data-agora-id="${id}"${poll ? ` data-agora-poll="${poll}"` : ""}></div>
<script src="${app}/embed.js" async></script></body></html>`;
}

let servers: http.Server[] = [];
// the story's id: new on every run (set in beforeAll, which runs again for each pass of `--repeat-each`
// while this module is loaded once), so its thread and comment count start empty; the comments carry it
// too, or a later pass's same text would be refused as a duplicate of the reader's earlier comment
let id = "";

test.beforeAll(async ({ baseURL, playwright }) => {
  id = `e2e-story-${runTag()}`;
  const app = baseURL as string;
  for (const port of [HOST_PORT, OTHER_PORT]) {
    const s = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const u = new URL(req.url ?? "/", "http://x");
      const story_id = u.pathname.includes("denied") ? `${id}-denied` : (u.searchParams.get("id") ?? id);
      res.end(story(app, story_id, "A story on the newsroom's own CMS", u.searchParams.get("poll") ?? ""));
    });
    await new Promise<void>((r) => s.listen(port, "127.0.0.1", () => r()));
    expect((s.address() as AddressInfo).port).toBe(port);
    servers.push(s);
  }
  const admin = await playwright.request.newContext({ baseURL: app });
  await signInRequest(admin, "admin", app);
  const res = await admin.put("/api/v1/admin/settings", {
    data: { settings: { embedOrigins: [host] } },
    headers: { origin: app },
  });
  expect(res.status(), await res.text()).toBe(200);
  await admin.dispose();
});

test.afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  servers = [];
});

const frameOf = (page: Page) => page.frameLocator("#agora-comments iframe");

/** Signs the frame in through its first-party popup (the app's own cookie does not reach the frame). */
async function signInInFrame(page: Page, who: "reader" | "reader3" = "reader") {
  const frame = frameOf(page);
  const popupPromise = page.waitForEvent("popup");
  await frame.getByRole("button", { name: "Sign in" }).click();
  const popup = await popupPromise;
  await popup.getByLabel("Email").fill(USERS[who].email);
  await popup.getByLabel("Password").fill(USERS[who].password);
  await popup.getByRole("button", { name: "Sign in" }).click();
  await popup.waitForEvent("close", { timeout: 20_000 });
  await expect(frame.getByText(`Signed in as ${USERS[who].name}`)).toBeVisible({ timeout: 15_000 });
}

test("the embed works signed in on another site, and only there", async ({ page, baseURL, context }) => {
  const third: string[] = [];
  page.on("request", (r) => {
    const h = new URL(r.url()).hostname;
    if (h !== "localhost" && h !== "127.0.0.1") third.push(r.url());
  });
  await page.goto(`${host}/stories/1.html`);
  const frame = frameOf(page);
  await expect(frame.getByText("No comments yet. Be the first.")).toBeVisible();
  await expect(frame.getByRole("button", { name: "Sign in" })).toBeVisible();
  // sized to its content by postMessage
  await expect
    .poll(async () =>
      page.locator("#agora-comments iframe").evaluate((f) => (f as HTMLIFrameElement).style.height),
    )
    .toMatch(/^\d+px$/);
  // the app's own session cookie does not reach the third-party frame: signing in goes through the popup
  await signInInFrame(page);
  // the frame's cookies are partitioned to the host site
  const cookies = await context.cookies(baseURL);
  expect(cookies.some((c) => /session-token/.test(c.name) && c.partitionKey)).toBe(true);
  await frame.getByLabel("Your comment").fill(`Posted from the embed on another site, zqembed1 (${id}).`);
  await frame.getByRole("button", { name: "Post comment" }).click();
  await expect(frame.getByText("zqembed1")).toBeVisible();
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({
      path: `${process.env.E2E_SCREENSHOTS}/embed-on-another-origin.png`,
      fullPage: true,
    });
  // the count script, one request for the page
  await page.reload();
  await expect(page.locator(`[data-agora-count="${id}"]`)).toHaveText("1 comment");
  expect(third).toEqual([]);
});

test("signed in inside the frame: a reader votes, reports, and sees comments and scores arrive live", async ({
  page,
  baseURL,
  playwright,
}) => {
  const app = baseURL as string;
  const thread = `${id}-live`;
  await page.goto(`${host}/stories/3.html?id=${thread}`);
  const frame = frameOf(page);
  await expect(frame.getByText("No comments yet. Be the first.")).toBeVisible();
  // the frame's live stream is open (the signal to wait for, not a sleep)
  await expect(frame.locator("#agora")).toHaveAttribute("data-live", "connected");
  const slug = await frame.locator("#agora").getAttribute("data-slug");
  expect(slug).toMatch(/^ext-/);
  // another reader comments on the same thread elsewhere (the API, as the site's own page would)
  const rob = await playwright.request.newContext({ baseURL: app });
  await signInRequest(rob, "reader2", app);
  const post = async (body: string) => {
    const r = await rob.post(`/api/v1/articles/${slug}/comments`, {
      data: { body },
      headers: { origin: app },
    });
    expect(r.status(), await r.text()).toBe(201);
    const j = await r.json();
    return (j.comment ?? j).id as string;
  };
  const c1 = await post(`Posted elsewhere, arriving live zqlive1 (${id}).`);
  await expect(frame.getByText("zqlive1")).toBeVisible();

  await signInInFrame(page);
  const item = frame.locator(`#c-${c1}`);
  await item.getByRole("button", { name: "Vote up" }).click();
  await expect(item.locator(".score").first()).toHaveText("1");
  const stored = await (await rob.get(`/api/v1/articles/${slug}/comments`)).json();
  expect(stored.comments.find((c: { id: string }) => c.id === c1).score).toBe(1);
  await item.getByRole("button", { name: "Report" }).click();
  await expect(item.getByText("Reported. Thank you.")).toBeVisible();

  // while signed in: a new comment and another reader's vote arrive without a reload
  const c2 = await post(`A second one from elsewhere zqlive2 (${id}).`);
  await expect(frame.getByText("zqlive2")).toBeVisible();
  const rae = await playwright.request.newContext({ baseURL: app });
  await signInRequest(rae, "reader3", app);
  const v = await rae.post(`/api/v1/comments/${c2}/vote`, { data: { value: 1 }, headers: { origin: app } });
  expect(v.status(), await v.text()).toBe(200);
  await expect(frame.locator(`#c-${c2}`).locator(".score").first()).toHaveText("1");
  await rob.dispose();
  await rae.dispose();
});

test("a page of an origin not on the list gets no frame and creates no thread", async ({ page, request }) => {
  const answered: number[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/embed/threads/")) answered.push(r.status());
  });
  await page.goto(`${other}/stories/denied.html`);
  await expect.poll(() => answered.length).toBeGreaterThan(0);
  expect(answered).toEqual([403]);
  const counts = await request.get(`/api/v1/embed/counts?origin=${encodeURIComponent(host)}&id=${id}-denied`);
  expect((await counts.json()).counts[`${id}-denied`]).toBe(0);
});

test("data-agora-poll shows one of the site's polls in the frame, and a vote shows the results", async ({
  page,
  request,
}) => {
  const polls = await (await request.get("/api/v1/articles/will-russia-defend-maduro/polls")).json();
  const poll = (polls.polls ?? polls)[0];
  await page.goto(`${host}/stories/2.html?id=${id}-poll&poll=${poll.id}`);
  const frame = frameOf(page);
  await expect(frame.getByRole("heading", { name: poll.question })).toBeVisible();
  await frame.getByRole("button", { name: poll.options[0].label }).click();
  await expect(
    frame.getByText(
      new RegExp(`^${poll.options[0].label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+% \\(\\d+\\)$`),
    ),
  ).toBeVisible();
});
