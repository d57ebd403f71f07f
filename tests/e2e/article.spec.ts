import { expect, test } from "@playwright/test";

const SLUG = "will-russia-defend-maduro";

test("the seed article shows every part of the original page", async ({ page }, info) => {
  const res = await page.goto(`/articles/${SLUG}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Will Russia Defend Maduro? US-Venezuela Conflict Explained (2025)",
  );
  for (const h of [
    "Seeking Support—But at What Cost?",
    "Russia's Stance: Symbolic or Substantial?",
    "The Limitations of Russia's Influence",
    "Geopolitical Calculations and Unintended Consequences",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
  }
  const authorBox = page.getByRole("region", { name: "Author information" });
  await expect(authorBox).toContainText("Delena Feil");
  await expect(authorBox).toContainText("Design Supervisor");
  await expect(page.getByText("Rating: 4.4 / 5 (65 voted)")).toBeVisible();
  await expect(page.getByText("88% of readers found this page helpful")).toBeVisible();
  const question = page.locator("#question");
  await expect(
    question.getByRole("heading", { name: "A Thought-Provoking Question for Our Readers" }),
  ).toBeVisible();
  await expect(question).toContainText("a genuine commitment to sovereignty");
  await expect(question.getByText("Share your thoughts in the comments below!")).toBeVisible();
  for (const name of ["References", "Top Articles", "Latest Posts", "Recommended Articles"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  // the Top / Latest / Recommended lists never offer the article being read
  const listed = await page
    .getByRole("complementary")
    .locator("a")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed).not.toContain(`/articles/${SLUG}`);
  const html = await page.content();
  expect(html).not.toContain("99513241752844");
  expect(html).not.toContain("1998-08-29");
  expect(html).not.toMatch(/Lubowitz|HI 90646/);
  expect(html).toContain('"@type":"NewsArticle"');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    /Will Russia Defend Maduro/,
  );
  await page.screenshot({ path: info.outputPath("article.png"), fullPage: true });
  await info.attach("article page", { path: info.outputPath("article.png"), contentType: "image/png" });
});

test("the view beacon counts a visit and updates the figure", async ({ page }) => {
  await page.goto(`/articles/${SLUG}`);
  const views = page.locator('[data-stat="views"]');
  await expect(views).not.toHaveText("5,965");
});

test("an unknown slug is a real 404 and drafts are not public", async ({ page, request }) => {
  const r = await request.get("/articles/nope");
  expect(r.status()).toBe(404);
  expect((await request.get("/articles/demo-draft-not-public")).status()).toBe(404);
  await page.goto("/articles/nope");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the home page lists latest and top articles with comment counts", async ({ page }) => {
  await page.goto("/");
  const latest = page.getByRole("region", { name: "Latest articles" });
  await expect(latest.getByRole("link").first()).toHaveText(/Will Russia Defend Maduro/);
  await expect(page.getByRole("region", { name: "Top articles" })).toContainText("comments");
  await expect(page).toHaveTitle(/Agora/);
});

test("health reports the database", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  expect(await r.json()).toEqual({ status: "ok", db: "ok" });
});
