// Polls meet comments in a real browser (issue 5): a signed-in reader turns the tag on (it is opt-in),
// votes in a poll whose results are always shown, comments, and the "voted: <option>" tag appears beside
// the comment; the "readers who voted" filter shows it (with JavaScript through the API, and without it
// on the comments page); a foreign option gets a 422. Poll secrecy (issue 12, hole 8): for a poll whose
// results are hidden until one votes, anonymous readers get neither the tag nor the filter.
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { withdrawVote } from "./run-fixtures";
import { signInContext } from "./users";

const SLUG = "e2e-poll-tags";
const Q1 = "Should the paper run a weekly science page?";
const CHOICE = "Yes, weekly";
const SECRET_Q = "Which section do you read first?";

const commentEl = (page: Page, text: string) =>
  page.locator("article[data-comment-id]").filter({ hasText: text });

async function optionIdOf(ctx: BrowserContext, label: string): Promise<{ id: string; other: string }> {
  const r = await ctx.request.get(`/api/v1/articles/${SLUG}/polls`);
  expect(r.status()).toBe(200);
  const polls = (await r.json()).polls as { question: string; options: { id: string; label: string }[] }[];
  const p = polls.find((x) => x.question === Q1)!;
  const o = p.options.find((x) => x.label === label)!;
  return { id: o.id, other: p.options.find((x) => x.label !== label)!.id };
}

test("voted tag beside a voter's comment, and the filter by option", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext();
  await signInContext(ctx, "reader3", baseURL!);
  // the tag is off for new accounts: turn it on
  const on = await ctx.request.patch("/api/v1/account", {
    headers: { origin: baseURL! },
    data: { showPollTag: true },
  });
  expect(on.status()).toBe(200);
  // not voted yet, also on a later pass of `--repeat-each` (the first left this reader's vote)
  await withdrawVote(ctx.request, baseURL!, SLUG, Q1);
  const page = await ctx.newPage();
  await page.goto(`/articles/${SLUG}`);
  await expect(page.locator("[data-comments][data-reader=ready]")).toBeVisible();

  // vote in the seed poll
  const poll = page.getByRole("region", { name: Q1 });
  await poll.getByRole("radio", { name: CHOICE }).check();
  await poll.getByRole("button", { name: /^(Vote|Change vote)$/ }).click();
  await expect(poll.getByText(new RegExp(`Your vote: ${CHOICE}`))).toBeVisible();

  // comment: the tag is beside it at once
  const body = `Tagged comment ${Date.now()}`;
  await page.getByLabel("Add a comment").fill(body);
  await page.getByRole("button", { name: "Post comment" }).click();
  const mine = commentEl(page, body);
  await expect(mine).toBeVisible();
  await expect(mine.locator("header")).toContainText(`voted: ${CHOICE}`);

  // the shared list (API, cached page) carries it too once the article's cache tag moved (~1 s)
  await expect
    .poll(async () => {
      const r = await ctx.request.get(`/api/v1/articles/${SLUG}/comments?sort=new`);
      const c = (
        (await r.json()).comments as { bodyHtml: string; votedTags?: { labels: string[] }[] }[]
      ).find((x) => x.bodyHtml.includes(body));
      return c?.votedTags?.[0]?.labels;
    })
    .toEqual([CHOICE]);

  // filter with JavaScript: only comments from readers who voted CHOICE, ours among them
  const { id, other } = await optionIdOf(ctx, CHOICE);
  await page.getByLabel("Show comments from").selectOption(id);
  await expect(commentEl(page, body)).toBeVisible();
  const tags = page.locator("article[data-comment-id] header");
  await expect(tags.first()).toBeVisible();
  // the filtered list replaces the unfiltered one when its answer arrives: wait for that state rather
  // than iterating over a snapshot of headers that may be replaced meanwhile
  await expect
    .poll(async () => {
      const texts = await tags.allTextContents();
      return texts.length > 0 && texts.every((t) => t.includes(`voted: ${CHOICE}`));
    })
    .toBe(true);
  // another option: our comment is not there
  await page.getByLabel("Show comments from").selectOption(other);
  await expect(commentEl(page, body)).toHaveCount(0);

  // without JavaScript: the comments page takes ?votedOption=
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await p2.goto(`/articles/${SLUG}/comments?votedOption=${id}`);
  await expect(commentEl(p2, body).locator("header")).toContainText(`voted: ${CHOICE}`);
  await expect(p2.getByLabel("Show comments from")).toHaveValue(id);
  await p2.goto(`/articles/${SLUG}/comments?votedOption=${other}`);
  await expect(commentEl(p2, body)).toHaveCount(0);

  // a foreign option: 422 with a clear message
  const bad = await ctx.request.get(`/api/v1/articles/${SLUG}/comments?votedOption=${crypto.randomUUID()}`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toContain("is not an option of this article's polls");
  // hole 8: vote in the secret poll too; anonymous readers get neither its tag nor its filter
  const polls = (await (await ctx.request.get(`/api/v1/articles/${SLUG}/polls`)).json()).polls as {
    id: string;
    question: string;
    options: { id: string }[];
  }[];
  const secret = polls.find((p) => p.question === SECRET_Q)!;
  const voted = await ctx.request.put(`/api/v1/polls/${secret.id}/vote`, {
    headers: { origin: baseURL! },
    data: { optionIds: [secret.options[0].id] },
  });
  expect(voted.status()).toBeLessThan(300);
  const anon = await browser.newContext();
  const list = await (await anon.request.get(`/api/v1/articles/${SLUG}/comments?sort=new`)).text();
  expect(list).toContain(body);
  expect(list).not.toContain(secret.id);
  const filtered = await anon.request.get(
    `/api/v1/articles/${SLUG}/comments?votedOption=${secret.options[0].id}`,
  );
  expect(filtered.status()).toBe(403);
  expect((await filtered.json()).error.code).toBe("poll_results_hidden");
  const p3 = await anon.newPage();
  await p3.goto(`/articles/${SLUG}`);
  await expect(
    p3.getByLabel("Show comments from").locator(`option[value="${secret.options[0].id}"]`),
  ).toHaveCount(0);
  await anon.close();
  await nojs.close();
  await ctx.close();
});
