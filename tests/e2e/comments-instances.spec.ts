// Two app instances on one PostgreSQL database: a comment posted on one appears live on the other
// (Server-Sent Events fed by LISTEN/NOTIFY), and the other's cached article page and first-page API
// show it within 2 seconds (cache invalidation travels the same way).
import { expect, test } from "@playwright/test";
import { freshDatabase, type Server, specPort, startServer } from "./comments-server";
import { signInContext } from "./users";

const SLUG = "will-russia-defend-maduro";
const ONE = specPort(2);
const TWO = specPort(3);

test.describe.configure({ mode: "serial" });

let servers: Server[] = [];
let dropDb: () => void;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const db = freshDatabase("postgres");
  dropDb = db.drop;
  servers = await Promise.all([startServer(ONE, db), startServer(TWO, db)]);
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  dropDb?.();
});

test("a comment posted on one instance appears live, and in the cache, on the other", async ({ browser }) => {
  const [one, two] = servers.map((s) => s.url);
  // both instances have rendered and cached the page and the first page of comments
  for (const base of [one, two]) {
    expect((await fetch(`${base}/articles/${SLUG}`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/articles/${SLUG}/comments`)).status).toBe(200);
  }
  const watcher = await browser.newContext({ baseURL: one });
  const page = await watcher.newPage();
  await page.goto(`/articles/${SLUG}#comments`);
  await expect(
    page.locator('[data-comments="article"][data-reader="ready"][data-live="connected"]'),
  ).toBeVisible();

  const writer = await browser.newContext({ baseURL: two });
  await signInContext(writer, "reader2", two);
  const r = await writer.request.post(`/api/v1/articles/${SLUG}/comments`, {
    data: { body: "Posted on instance two, read on instance one" },
    headers: { origin: two },
  });
  expect(r.status()).toBe(201);
  const { id } = await r.json();
  const postedAt = Date.now();

  const banner = page.getByRole("button", { name: "1 new comment — show" });
  await expect(banner).toBeVisible({ timeout: 5_000 });
  await banner.click();
  await expect(page.locator(`article[data-comment-id="${id}"]`)).toContainText("Posted on instance two");

  // instance one's cached page and API show it within 2 s of the post
  await expect
    .poll(
      async () => (await (await fetch(`${one}/articles/${SLUG}`)).text()).includes("Posted on instance two"),
      {
        timeout: 2_000,
        intervals: [100],
      },
    )
    .toBe(true);
  const api = await (await fetch(`${one}/api/v1/articles/${SLUG}/comments`)).json();
  expect(api.comments[0].id).toBe(id);
  expect(Date.now() - postedAt).toBeLessThan(5_000);
  await watcher.close();
  await writer.close();
});
