// Notifications in a real browser against a production server of its own: the bell's unread count
// (after load, then live when a new reply arrives), the list with mark read, and the @mention
// autocomplete in the comment form driven by the keyboard alone.
import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { freshDatabase, type Server, specPort, startServer } from "./comments-server";
import { signInContext, type USERS } from "./users";

const SLUG = "will-russia-defend-maduro";
const PORT = specPort(7);
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let server: Server;
let dropDb: () => void;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const db = freshDatabase(process.env.DATABASE_URL ? "postgres" : "pglite");
  dropDb = db.drop;
  // the queue's workers look for new jobs every half second in this test (2 s by default)
  server = await startServer(PORT, db, { AGORA_QUEUE_POLL_SECONDS: "0.5" });
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

async function apiPost(req: APIRequestContext, body: string, parentId?: string): Promise<string> {
  const r = await req.post(`/api/v1/articles/${SLUG}/comments`, {
    data: { body, parentId },
    headers: { origin: BASE },
  });
  expect(r.status(), await r.text()).toBe(201);
  const j = await r.json();
  expect(j.status).toBe("approved");
  return j.id;
}

let rootId = "";

test("the bell shows the unread count after load and updates live when a reply arrives", async ({
  browser,
}) => {
  const rita = await signedIn(browser, "reader");
  const rob = await signedIn(browser, "reader2");
  rootId = await apiPost(rita.request, "Rita asks: was the treaty ever ratified?");
  await apiPost(rob.request, "Rob answers: signed, never ratified.", rootId);
  const page = await rita.newPage();
  await page.goto(`/articles/${SLUG}`);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("aria-label", "Notifications, 1 unread");
  await expect(page.getByTestId("notification-count")).toHaveText("1");
  // a second reply while the page is open: the count follows without a reload
  await apiPost(rob.request, "Rob adds: there was a second reading.", rootId);
  await expect(bell).toHaveAttribute("aria-label", "Notifications, 2 unread");
  // an anonymous reader has no bell
  const anon = await browser.newPage();
  await anon.goto(`/articles/${SLUG}`);
  await expect(
    anon.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
  await expect(anon.getByTestId("notification-bell")).toHaveCount(0);
  await anon.close();
  await rita.close();
  await rob.close();
});

test("the list links each item to the comment's permalink and marks one and all read", async ({
  browser,
}) => {
  const rita = await signedIn(browser, "reader");
  const page = await rita.newPage();
  await page.goto("/account/notifications");
  const items = page.getByTestId("notification");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toHaveAttribute("data-read", "false");
  const href = await items.first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(new RegExp(`^/articles/${SLUG}/comments/[0-9a-f-]{36}$`));
  await items
    .first()
    .getByRole("button", { name: /^Mark read/ })
    .click();
  await expect(items.first()).toHaveAttribute("data-read", "true");
  await expect(page.getByTestId("notification-bell")).toHaveAttribute(
    "aria-label",
    "Notifications, 1 unread",
  );
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(items.nth(1)).toHaveAttribute("data-read", "true");
  await expect(page.getByTestId("notification-bell")).toHaveAttribute(
    "aria-label",
    "Notifications, none unread",
  );
  // the server agrees
  const r = await rita.request.get("/api/v1/notifications");
  expect((await r.json()).unread).toBe(0);
  // the permalink opens the reply
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Comment by Rob Reader");
  await rita.close();
});

test("@mention autocomplete works by keyboard and the mention notifies once published", async ({
  browser,
}) => {
  const rob = await signedIn(browser, "reader2");
  const page = await rob.newPage();
  await page.goto(`/articles/${SLUG}#comments`);
  await expect(page.locator('[data-comments="article"][data-reader="ready"]')).toBeVisible();
  const box = page.getByRole("textbox", { name: "Add a comment" });
  await box.focus();
  await page.keyboard.type("Good point from @ri");
  const list = page.getByRole("listbox", { name: "Readers to mention" });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id")) ?? "");
  const option = list.getByRole("option", { name: /@rita-reader/ });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("Good point from @rita-reader ");
  await expect(list).toBeHidden();
  // Escape closes the list without inserting anything
  await page.keyboard.type("and @ro");
  await expect(list.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await page.keyboard.type("bert about the treaty.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const posted = page.locator("article[data-comment-id]").filter({ hasText: "Good point from" }).first();
  await expect(posted).toBeVisible();
  await expect(posted.getByRole("link", { name: "@rita-reader" })).toHaveAttribute(
    "href",
    "/readers/rita-reader",
  );
  // Rita gets a mention notification
  const rita = await signedIn(browser, "reader");
  await expect(async () => {
    const j = await (await rita.request.get("/api/v1/notifications")).json();
    expect(j.notifications.some((n: { kind: string }) => n.kind === "mention")).toBe(true);
  }).toPass({ timeout: 15_000 });
  await rita.close();
  await rob.close();
});
