// Polls, ratings and "was this helpful" in a real browser against the production build.
// The seed article's polls: anyone, one choice, results after voting. The test-only article
// e2e-reader-polls (tests/fixtures/content-e2e) has a poll that closed in 2025 (results after close), a
// multiple-choice poll with results always shown, and a poll for signed-in readers.
import { type APIRequestContext, expect, type Page, request as pwRequest, test } from "@playwright/test";
import { withdrawVote } from "./run-fixtures";
import { signInContext, signInRequest } from "./users";

const SLUG = "will-russia-defend-maduro";
const Q1 =
  "Is Russia's support for Maduro a genuine commitment to sovereignty, or a calculated move to counter Western influence?";
const Q2 = "Could the U.S.'s actions in Venezuela ultimately play into Russia's hands on the global stage?";
const TEST = "e2e-reader-polls";
const CLOSED = "Should comments stay open at weekends?";
const MULTI = "Which topics should we cover more?";
const SIGNED_IN = "Would you join a monthly readers' panel?";

const poll = (page: Page, question: string) => page.getByRole("region", { name: question });

async function pollsOf(request: APIRequestContext, slug: string) {
  const r = await request.get(`/api/v1/articles/${slug}/polls`);
  expect(r.status()).toBe(200);
  return (await r.json()).polls as {
    id: string;
    question: string;
    options: { id: string; label: string; count?: number }[];
    totalVoters?: number;
  }[];
}

test("vote, see results, change the vote, withdraw it: results hidden before voting", async ({ page }) => {
  await page.goto(`/articles/${SLUG}`);
  const p = poll(page, Q1);
  await expect(p.getByText("Vote to see the results.")).toBeVisible();
  await expect(p.locator("[data-poll-results]")).toHaveCount(0);
  await expect(p.getByText("%")).toHaveCount(0);

  await p.getByRole("radio", { name: "Some of both" }).check();
  await p.getByRole("button", { name: "Vote" }).click();
  await expect(p.getByRole("status")).toHaveText("Thank you, your vote was counted.");
  const results = p.getByRole("list", { name: `Results: ${Q1}` });
  await expect(results).toBeVisible();
  await expect(results.getByRole("listitem").filter({ hasText: "Some of both" })).toContainText(
    /\(your vote\)\s*\d+(\.\d)?% · \d+ votes?/,
  );
  await expect(p.getByText("Reader poll — not a scientific sample")).toBeVisible();
  await expect(p.getByText(/Your vote: Some of both/)).toBeVisible();

  await p.getByRole("button", { name: "Change vote" }).click();
  await expect(p.getByRole("radio", { name: "Some of both" })).toBeChecked();
  await p.getByRole("radio", { name: "Not sure" }).check();
  await p.getByRole("button", { name: "Change vote" }).click();
  await expect(p.getByRole("status")).toHaveText("Your vote was changed.");
  await expect(results.getByRole("listitem").filter({ hasText: "Not sure" })).toContainText("(your vote)");
  await expect(results.getByRole("listitem").filter({ hasText: "Some of both" })).not.toContainText(
    "(your vote)",
  );

  // the vote is the reader's (voter cookie), not the cached page's: it is still there after a reload
  await page.reload();
  await expect(poll(page, Q1).getByText(/Your vote: Not sure/)).toBeVisible();
  await expect(poll(page, Q1).locator("[data-poll-results]")).toBeVisible();

  await poll(page, Q1).getByRole("button", { name: "Withdraw vote" }).click();
  await expect(poll(page, Q1).getByRole("status")).toHaveText("Your vote was withdrawn.");
  await expect(poll(page, Q1).getByText("Vote to see the results.")).toBeVisible();
  await expect(poll(page, Q1).locator("[data-poll-results]")).toHaveCount(0);
});

test("results update live for a reader viewing them", async ({ page, browser }) => {
  await page.goto(`/articles/${SLUG}`);
  const p = poll(page, Q2);
  await p.getByRole("radio", { name: "Yes", exact: true }).check();
  await p.getByRole("button", { name: "Vote" }).click();
  const total = p.locator("[data-total-voters]");
  await expect(total).toHaveText(/\d+ voters?/);
  const before = Number((await total.textContent())!.match(/\d+/)![0]);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(`/articles/${SLUG}`);
  await poll(page2, Q2).getByRole("radio", { name: "No", exact: true }).check();
  await poll(page2, Q2).getByRole("button", { name: "Vote" }).click();
  await expect(poll(page2, Q2).getByRole("status")).toHaveText("Thank you, your vote was counted.");
  await other.close();

  // no reload: the first reader's results follow over server-sent events
  await expect(total).toHaveText(`${before + 1} voters`, { timeout: 10_000 });
});

test("a closed poll shows its final results and takes no votes", async ({ page, request, baseURL }) => {
  await page.goto(`/articles/${TEST}`);
  const p = poll(page, CLOSED);
  await expect(p.getByText(/This poll closed on October 15, 2025/)).toBeVisible();
  await expect(p.getByText("Final results: 0 voters")).toBeVisible();
  await expect(p.getByRole("radio")).toHaveCount(0);
  await expect(p.getByText("Reader poll — not a scientific sample")).toBeVisible();

  const closed = (await pollsOf(request, TEST)).find((x) => x.question === CLOSED)!;
  const r = await request.put(`/api/v1/polls/${closed.id}/vote`, {
    headers: { origin: baseURL! },
    data: { optionIds: [closed.options[0].id] },
  });
  expect(r.status()).toBe(409);
  expect((await r.json()).error.message).toMatch(/This poll closed on 2025-10-15 00:00 UTC/);
});

test("multiple choice up to a maximum, with results shown before voting", async ({ page }) => {
  await page.goto(`/articles/${TEST}`);
  const p = poll(page, MULTI);
  await expect(p.getByText("Choose up to 2 options.")).toBeVisible();
  await expect(p.getByText(/Results: \d+ voters?/)).toBeVisible();
  for (const label of ["Local news", "Science", "Sport"])
    await p.getByRole("checkbox", { name: label }).check();
  await p.getByRole("button", { name: "Vote" }).click();
  await expect(p.getByRole("status")).toHaveText("Choose at most 2 options; you chose 3.");
  await p.getByRole("checkbox", { name: "Sport" }).uncheck();
  await p.getByRole("button", { name: "Vote" }).click();
  await expect(p.getByRole("status")).toHaveText("Thank you, your vote was counted.");
  await expect(p.getByText("Your vote: Local news and Science")).toBeVisible();
  await expect(p.getByText(/can add up to more than 100%/)).toBeVisible();
});

test("a poll for signed-in readers refuses anonymous votes with a clear message", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto(`/articles/${TEST}`);
  const p = poll(page, SIGNED_IN);
  await expect(p.getByText("Signed-in readers only.")).toBeVisible();
  await p.getByRole("radio", { name: "Maybe" }).check();
  await p.getByRole("button", { name: "Vote" }).click();
  await expect(p.getByRole("status")).toHaveText(
    "Only signed-in readers can vote in this poll. Sign in to vote.",
  );

  await signInContext(context, "reader", baseURL!);
  // not voted yet, also on a later pass of `--repeat-each` (the first left this reader's vote)
  await withdrawVote(context.request, baseURL!, TEST, SIGNED_IN);
  await page.reload();
  await poll(page, SIGNED_IN).getByRole("radio", { name: "Maybe" }).check();
  await poll(page, SIGNED_IN).getByRole("button", { name: "Vote" }).click();
  await expect(poll(page, SIGNED_IN).getByRole("status")).toHaveText("Thank you, your vote was counted.");
  await expect(poll(page, SIGNED_IN).getByText("Your vote: Maybe")).toBeVisible();
});

test("an anonymous vote follows the reader into their account, counted once", async ({
  page,
  context,
  baseURL,
}) => {
  // the account has no vote of its own here, also on a later pass of `--repeat-each` (the first pass
  // merged one into it): the merge below then keeps the anonymous vote, counted once
  const account = await pwRequest.newContext({ baseURL });
  await signInRequest(account, "reader2", baseURL!);
  await withdrawVote(account, baseURL!, TEST, MULTI);
  await account.dispose();
  await page.goto(`/articles/${TEST}`);
  const p = poll(page, MULTI);
  await p.getByRole("checkbox", { name: "Culture" }).check();
  await p.getByRole("button", { name: "Vote" }).click();
  await expect(p.getByRole("status")).toHaveText("Thank you, your vote was counted.");
  const before = await p.locator("[data-total-voters]").textContent();
  expect(
    (await context.cookies()).some((c) => c.name === "agora_voter" && c.httpOnly && c.sameSite === "Lax"),
  ).toBe(true);

  await signInContext(context, "reader2", baseURL!);
  await page.reload();
  await expect(poll(page, MULTI).getByText("Your vote: Culture")).toBeVisible();
  await expect(poll(page, MULTI).locator("[data-total-voters]")).toHaveText(before!);
  // merged: the voter cookie has done its work and is gone
  await expect.poll(async () => (await context.cookies()).some((c) => c.name === "agora_voter")).toBe(false);
});

test("voting works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${SLUG}`);
  const p = poll(page, Q1);
  await p.getByRole("radio", { name: "A genuine commitment to sovereignty" }).check();
  await p.getByRole("button", { name: "Vote" }).click();
  await expect(page).toHaveURL(/\/polls\/[0-9a-f-]+\?done=voted$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(Q1);
  await expect(page.getByRole("status")).toHaveText("Thank you, your vote was counted.");
  await expect(page.getByText("Your vote: A genuine commitment to sovereignty")).toBeVisible();
  await expect(page.getByRole("list", { name: `Results: ${Q1}` })).toBeVisible();
  await expect(page.getByText("Reader poll — not a scientific sample")).toBeVisible();
  // an empty multiple choice is refused with a message, nothing stored
  await page.goto(`/articles/${TEST}`);
  await poll(page, MULTI).getByRole("button", { name: "Vote" }).click();
  await expect(page.getByRole("alert")).toHaveText("Choose an option first.");
  await context.close();
});

test("rating and 'was this helpful': imported history plus new answers, changeable", async ({ page }) => {
  // this reader's answers are taken back at the end, so a later pass of `--repeat-each` sees the imported
  // history alone again (each pass is a new reader: its answers would otherwise add up)
  const clear = () =>
    page.request.put(`/api/v1/articles/${TEST}/feedback`, {
      headers: { origin: new URL(page.url()).origin },
      data: { rating: null, helpful: null },
    });
  try {
    await page.goto(`/articles/${TEST}`);
    const rating = page.locator('[data-stat="rating"]');
    const helpful = page.locator('[data-stat="helpful"]');
    await expect(rating).toHaveText("Rating: 4.0 / 5 (10 voted)");
    await expect(helpful).toHaveText("80% of readers found this page helpful");
    const fb = page.getByRole("region", { name: "Your feedback on this article" });

    // a reader clicks the star (the radio's label)
    await fb.locator("label", { hasText: "5 stars" }).click();
    await expect(fb.getByRole("radio", { name: "5 stars" })).toBeChecked();
    await fb.getByRole("button", { name: "Rate" }).click();
    await expect(fb.getByRole("status")).toHaveText("Thank you: you rated this article 5 out of 5.");
    await expect(rating).toHaveText("Rating: 4.1 / 5 (11 voted)");
    await fb.getByRole("button", { name: "Yes", exact: true }).click();
    await expect(fb.getByRole("button", { name: "Yes", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(helpful).toHaveText("82% of readers found this page helpful");

    // changeable: one answer of each per reader
    // and a keyboard user moves with the arrow keys
    await fb.getByRole("radio", { name: "5 stars" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(fb.getByRole("radio", { name: "3 stars" })).toBeChecked();
    await fb.getByRole("button", { name: "Rate" }).click();
    await expect(rating).toHaveText("Rating: 3.9 / 5 (11 voted)");
    await fb.getByRole("button", { name: "No", exact: true }).click();
    await expect(helpful).toHaveText("73% of readers found this page helpful");

    await page.reload();
    await expect(page.getByText("Your rating: 3 / 5")).toBeVisible();
    await expect(page.getByRole("button", { name: "No", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.locator('[data-stat="rating"]')).toHaveText("Rating: 3.9 / 5 (11 voted)");
  } finally {
    await clear();
  }
  const after = await (await page.request.get(`/api/v1/articles/${TEST}/feedback`)).json();
  expect(after.stats).toMatchObject({ ratingAverage: 4, ratingVotes: 10, helpfulPercent: 80 });
  expect(after.mine).toEqual({ rating: null, helpful: null });
});

test("bad input gets a clear message and the right status, and nothing is stored", async ({
  request,
  baseURL,
}) => {
  const headers = { origin: baseURL! };
  const [p1, p2] = await pollsOf(request, SLUG);
  const multi = (await pollsOf(request, TEST)).find((x) => x.question === MULTI)!;
  const totalsBefore = async () =>
    (await pollsOf(request, TEST)).find((x) => x.question === MULTI)!.totalVoters;
  const before = await totalsBefore();
  const cases: [string, unknown, number, RegExp][] = [
    [`/api/v1/polls/${p1.id}/vote`, { optionIds: [p2.options[0].id] }, 422, /not an option of this poll/],
    [
      `/api/v1/polls/${p1.id}/vote`,
      { optionIds: [p1.options[0].id, p1.options[1].id] },
      422,
      /takes one choice/,
    ],
    [
      `/api/v1/polls/${multi.id}/vote`,
      { optionIds: multi.options.slice(0, 3).map((o) => o.id) },
      422,
      /at most 2/,
    ],
    [`/api/v1/polls/${multi.id}/vote`, { optionIds: [] }, 422, /choose at least one option/],
    [`/api/v1/polls/${multi.id}/vote`, {}, 422, /optionIds/],
    [
      `/api/v1/polls/00000000-0000-4000-8000-000000000000/vote`,
      { optionIds: [p1.options[0].id] },
      404,
      /no poll/,
    ],
    [`/api/v1/articles/${TEST}/feedback`, { rating: 0 }, 422, /whole number from 1 to 5/],
    [`/api/v1/articles/${TEST}/feedback`, { rating: 6 }, 422, /whole number from 1 to 5/],
    [`/api/v1/articles/${TEST}/feedback`, { rating: 4.5 }, 422, /whole number from 1 to 5/],
    [`/api/v1/articles/${TEST}/feedback`, {}, 422, /send a rating/],
    [`/api/v1/articles/no-such-article/feedback`, { rating: 4 }, 404, /no published article/],
  ];
  for (const [url, data, status, message] of cases) {
    const r = await request.put(url, { headers, data });
    expect(r.status(), url).toBe(status);
    const body = await r.json();
    expect(body.error.message).toMatch(message);
  }
  expect((await request.get("/api/v1/polls/nope")).status()).toBe(404);
  expect(await totalsBefore()).toBe(before);
  const fb = await (await request.get(`/api/v1/articles/${TEST}/feedback`)).json();
  expect(fb.mine).toEqual({ rating: null, helpful: null });
  // a cross-site write is refused
  const cross = await request.put(`/api/v1/polls/${p1.id}/vote`, {
    headers: { origin: "https://evil.example" },
    data: { optionIds: [p1.options[0].id] },
  });
  expect(cross.status()).toBe(403);
});

test("the OpenAPI document describes the poll endpoints", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  for (const path of [
    "/articles/{slug}/polls",
    "/articles/{slug}/polls/events",
    "/polls/{id}",
    "/polls/{id}/vote",
    "/articles/{slug}/feedback",
  ])
    expect(Object.keys(doc.paths)).toContain(path);
  expect(doc.paths["/polls/{id}/vote"].put).toBeTruthy();
  expect(doc.paths["/polls/{id}/vote"].delete).toBeTruthy();
});
