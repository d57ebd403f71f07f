// A moderator works the queue with the keyboard only, and the author sees the outcome; an admin
// creates and publishes an article with a poll.
import { expect, request as pwRequest, test } from "@playwright/test";
import { createPremoderatedArticle, postPendingComment, runTag, unpublishArticle } from "./run-fixtures";
import { signInContext, signInRequest } from "./users";

test("a moderator approves and rejects with the keyboard only; the author sees both outcomes", async ({
  browser,
  baseURL,
}) => {
  // this run's own article and two comments from the reader waiting on it (oldest first): the keyboard
  // approves the first and rejects the second
  const tag = runTag();
  const admin = await pwRequest.newContext({ baseURL });
  await signInRequest(admin, "admin", baseURL!);
  const article = await createPremoderatedArticle(admin, baseURL!, tag, "E2E keyboard article");
  const reader = await pwRequest.newContext({ baseURL });
  await signInRequest(reader, "reader", baseURL!);
  const approveId = await postPendingComment(
    reader,
    baseURL!,
    article.slug,
    `E2E keyboard ${tag}: approve me, I am fine.`,
  );
  const rejectId = await postPendingComment(
    reader,
    baseURL!,
    article.slug,
    `E2E keyboard ${tag}: reject me, I am rude.`,
  );
  await reader.dispose();

  const mod = await browser.newContext();
  await signInContext(mod, "moderator", baseURL!);
  const queue = await (await mod.request.get("/api/v1/admin/queue?status=pending&limit=100")).json();
  const mine = queue.items.filter((i: { body: string }) => i.body.startsWith(`E2E keyboard ${tag}`));
  expect(mine.map((i: { id: string }) => i.id)).toEqual([approveId, rejectId]);
  // the public page is cached; an approval must show there (its comment count) within 2 s
  const publicCount = async () => {
    const html = await (await mod.request.get(`/articles/${mine[0].article.slug}`)).text();
    const heading = html.match(/<h2 id="comments-heading"[\s\S]*?<\/h2>/)?.[0] ?? "";
    return heading.replace(/<[^>]+>/g, "").match(/\((\d+)\)/)?.[1];
  };
  expect(await publicCount()).toBe("0");
  expect(await publicCount()).toBe("0"); // served from the cache now
  const page = await mod.newPage();
  await page.goto(`/admin/queue?status=pending&articleId=${mine[0].article.id}`);
  await expect(page.getByRole("heading", { name: "Moderation queue" })).toBeVisible();

  // ? opens the help (once the board has hydrated: the heading is server-rendered before its key handler)
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();

  // the letter keys do nothing outside the queue list (WCAG 2.1.4): "a" on a link approves nothing
  const decisions: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/decision")) decisions.push(r.url());
  });
  await page.getByRole("link", { name: "Dashboard" }).first().focus();
  await page.keyboard.press("a");
  // Tab from the last control before the list reaches the current (oldest) comment; a approves it
  await page.locator("article[data-queue-item]").first().focus();
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(page.locator("article[data-queue-item]:focus")).toContainText("approve me");
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: "Comment approved." })).toBeVisible();
  expect(decisions).toHaveLength(1); // the "a" on the link sent nothing
  await expect(page.getByText("approve me")).toHaveCount(0);
  await expect.poll(publicCount, { timeout: 2000, intervals: [100] }).toBe("1");

  // the next one is current: r asks for the reason, Enter rejects
  await expect(page.locator("article[data-queue-item]:focus")).toContainText("reject me");
  await page.keyboard.press("r");
  const reason = page.getByLabel(/Reason shown to the author/);
  await expect(reason).toBeFocused();
  await page.keyboard.type("Personal attacks are not allowed here.");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Comment rejected." })).toBeVisible();
  await expect(page.getByText("reject me")).toHaveCount(0);
  await mod.close();

  // the author sees what happened, with the moderator's reason, and may appeal the rejection once
  const author = await browser.newContext();
  await signInContext(author, "reader", baseURL!);
  const mine2 = await (await author.request.get("/api/v1/account/comments")).json();
  const approved = mine2.items.find((c: { id: string }) => c.id === approveId);
  const rejected = mine2.items.find((c: { id: string }) => c.id === rejectId);
  expect(approved).toMatchObject({ status: "approved", explanation: "Published." });
  expect(rejected).toMatchObject({
    status: "rejected",
    explanation: "Rejected by a moderator: Personal attacks are not allowed here.",
    mayAppeal: true,
  });
  const ap = await author.newPage();
  await ap.goto("/account/comments");
  const item = ap.locator(`li[data-comment-id="${rejected.id}"]`);
  await expect(item).toContainText("Rejected by a moderator: Personal attacks are not allowed here.");
  await item.getByRole("button", { name: "Appeal this decision" }).click();
  await item.getByLabel(/Why should the decision change/).fill("I quoted the article; it was not an attack.");
  await item.getByRole("button", { name: "Send appeal" }).click();
  await expect(item).toContainText("Appeal waiting for a moderator");
  const twice = await author.request.post(`/api/v1/comments/${rejected.id}/appeal`, {
    data: { text: "Second try at the same appeal." },
    headers: { origin: baseURL! },
  });
  expect(twice.status()).toBe(409);
  expect((await twice.json()).error.message).toMatch(/already appealed/);
  await author.close();

  // the moderator who rejected it cannot decide the appeal
  const mod2 = await browser.newContext();
  await signInContext(mod2, "moderator", baseURL!);
  const appeals = await (await mod2.request.get("/api/v1/admin/appeals")).json();
  const appeal = appeals.items.find((a: { comment: { id: string } }) => a.comment.id === rejected.id);
  expect(appeal.viewerMayDecide).toBe(false);
  const refused = await mod2.request.post(`/api/v1/admin/appeals/${appeal.id}/decision`, {
    data: { outcome: "overturn" },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(403);
  await mod2.close();
  await unpublishArticle(admin, baseURL!, article.id);
  await admin.dispose();
});

test("an admin creates and publishes an article with a poll", async ({ browser, baseURL }) => {
  const admin = await browser.newContext();
  await signInContext(admin, "admin", baseURL!);
  const page = await admin.newPage();
  await page.goto("/admin/articles/new");
  // a title of this run's own: its slug is free on every pass of `--repeat-each`
  const tag = runTag();
  const title = `Should cities ban cars downtown? ${tag}`;
  const slug = `should-cities-ban-cars-downtown-${tag}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Body (Markdown)").fill("## Why it matters\n\nSome **cities** already did.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByRole("region", { name: "Preview" }).getByRole("heading", { name: "Why it matters" }),
  ).toBeVisible();
  await page.getByLabel("The article ends with a question").check();
  await page.getByLabel("Question", { exact: true }).fill("Would you give up your car in the city centre?");
  await page.getByRole("button", { name: "Add a poll" }).click();
  await page.getByLabel("Poll question").fill("Ban cars downtown?");
  await page.getByLabel("Option 1", { exact: true }).fill("Yes");
  await page.getByLabel("Option 2", { exact: true }).fill("No");
  await page.getByRole("button", { name: "Add option" }).click();
  await page.getByLabel("Option 3", { exact: true }).fill("Only at weekends");
  await page.getByLabel("Published").check();
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByText("Article created.")).toBeVisible();
  const id = page.url().match(/\/admin\/articles\/([0-9a-f-]{36})/)![1];
  try {
    const saved = await (await admin.request.get(`/api/v1/admin/articles/${id}`)).json();
    expect(saved.article).toMatchObject({ slug, status: "published" });
    expect(saved.article.question.polls[0].options.map((o: { label: string }) => o.label)).toEqual([
      "Yes",
      "No",
      "Only at weekends",
    ]);
    const pub = await admin.newPage();
    await pub.goto(`/articles/${slug}`);
    await expect(pub.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(pub.getByText("Would you give up your car in the city centre?")).toBeVisible();
  } finally {
    // unpublishing takes it off the public site (and out of the lists other specs read)
    const off = await admin.request.put(`/api/v1/admin/articles/${id}`, {
      data: { status: "draft" },
      headers: { origin: baseURL! },
    });
    expect(off.status()).toBe(200);
  }
  await expect
    .poll(async () => (await admin.request.get(`/articles/${slug}`)).status(), {
      timeout: 5000,
    })
    .toBe(404);
  await admin.close();
});
