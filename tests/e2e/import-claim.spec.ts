// Claiming imported comments end to end, with the real SMTP sink (tests/e2e/mail.ts): an admin imports a
// Disqus file whose author has an address; a reader signs up with that address and confirms it (which
// mails a claim link by itself); the account page offers the imported comments and a new link that
// replaces it; the link (a forged one first: refused, nothing moves) shows what will move; one click
// makes them the reader's; the link then works no more.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type PlaywrightWorkerArgs, test } from "@playwright/test";
import { disqusDoc } from "../helpers/disqus";
import { uniqueEmail, waitForLink } from "./mail";
import { signInRequest } from "./users";

/** The page at 390 px in light and dark: nothing wider than the screen, no axe violation. */
async function checkScreens(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const r = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  }
}

/** Imports a Disqus file through the admin API and waits until the job is done. */
async function importAsAdmin(
  playwright: PlaywrightWorkerArgs["playwright"],
  app: string,
  name: string,
  xml: string,
) {
  const admin = await playwright.request.newContext({ baseURL: app });
  await signInRequest(admin, "admin", app);
  const started = await admin.post(`/api/v1/admin/imports?format=disqus&name=${name}`, {
    data: Buffer.from(xml),
    headers: { origin: app, "content-type": "application/xml" },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { job } = await started.json();
  await expect
    .poll(async () => (await (await admin.get(`/api/v1/admin/imports/${job.id}`)).json()).job.status, {
      timeout: 30_000,
    })
    .toBe("done");
  await admin.dispose();
}

test("a reader claims their imported comments by the mailed link, once", async ({
  page,
  baseURL,
  playwright,
}) => {
  const app = baseURL as string;
  const tag = Date.now().toString(36);
  const email = uniqueEmail("claim");
  // the old system's export: two comments by this address (one a reply), one by someone else
  const xml = disqusDoc(
    [
      {
        id: `t-${tag}`,
        identifier: `claim-${tag}`,
        link: `https://cms.example/${tag}.html`,
        title: "Old story",
      },
    ],
    [
      { id: `p1-${tag}`, thread: `t-${tag}`, text: `Old words zqclaim1${tag}`, name: "Old Me", email },
      {
        id: `p2-${tag}`,
        thread: `t-${tag}`,
        parent: `p1-${tag}`,
        text: `More old words zqclaim2${tag}`,
        name: "Old Me",
        email,
      },
      {
        id: `p3-${tag}`,
        thread: `t-${tag}`,
        text: `Not mine zqclaim3${tag}`,
        name: "Someone",
        email: `x${email}`,
      },
    ],
  );
  await importAsAdmin(playwright, app, `claim-${tag}.xml`, xml);

  // sign up with that address and confirm it
  await page.goto("/signup");
  await page.getByLabel("Display name").fill("New Me");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("Correct-horse-battery-9");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await page.goto(await waitForLink(email, "/verify-email"));
  await expect(page).toHaveURL(/\/account\?notice=verified/);
  // confirming the address mailed the claim link by itself
  const first = await waitForLink(email, "/account/claim");
  const offer = page.getByRole("region", { name: "Your imported comments" });
  await expect(offer).toContainText("2 comments imported");
  await expect(offer).toContainText("Old Me");
  await checkScreens(page);
  await offer.getByRole("button", { name: "Email me a link to claim them" }).click();
  await expect(offer.getByRole("status")).toContainText(`We sent a link to ${email}`);
  // a new link replaces the first one
  const link = await waitForLink(email, "/account/claim", 2);
  expect(link).not.toBe(first);
  await page.goto(first);
  await expect(page.getByText("This link is not valid")).toBeVisible();

  // a forged token: refused, nothing moves
  const forged = new URL(link);
  forged.searchParams.set("token", `${forged.searchParams.get("token")!.slice(0, -3)}abc`);
  await page.goto(forged.toString());
  await expect(page.getByText("This link is not valid")).toBeVisible();
  // the same pages in Spanish (the button comes from a client component: its namespace is sent too)
  const es = (u: string) => {
    const x = new URL(u);
    x.pathname = `/es${x.pathname}`;
    return x.toString();
  };
  await page.goto(es(forged.toString()));
  await expect(page.getByText("Este enlace no es válido")).toBeVisible();
  await page.goto(es(link));
  await expect(page.getByRole("heading", { name: "Reclama tus comentarios importados" })).toBeVisible();
  await expect(page.getByText("2 comentarios importados")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reclamar estos comentarios" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Your imported comments" })).toContainText("2 comments");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Claim your imported comments" })).toBeVisible();
  await expect(page.getByText("as Old Me")).toBeVisible();
  await checkScreens(page);
  await page.getByRole("button", { name: "Claim these comments" }).click();
  await expect(page.getByText("Done: 2 comments are now part of your account.")).toBeVisible();
  await page.getByRole("link", { name: "See my comments" }).click();
  await expect(page.getByText(`Old words zqclaim1${tag}`)).toBeVisible();
  await expect(page.getByText(`More old words zqclaim2${tag}`)).toBeVisible();
  await expect(page.getByText(`Not mine zqclaim3${tag}`)).toHaveCount(0);

  // once only: the link is spent, the offer is gone
  await page.goto(link);
  await expect(page.getByText("This link is not valid")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your imported comments" })).toHaveCount(0);

  // a later import brings another account with this address: signing in mails the link by itself
  await importAsAdmin(
    playwright,
    app,
    `claim2-${tag}.xml`,
    disqusDoc(
      [
        {
          id: `t-${tag}`,
          identifier: `claim-${tag}`,
          link: `https://cms.example/${tag}.html`,
          title: "Old story",
        },
      ],
      [
        {
          id: `p4-${tag}`,
          thread: `t-${tag}`,
          text: `Under a username zqclaim4${tag}`,
          name: "Old Me Too",
          username: `oldme-${tag}`,
          email,
        },
      ],
    ),
  );
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("Correct-horse-battery-9");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("link", { name: "Your account: New Me" })).toBeVisible();
  const third = await waitForLink(email, "/account/claim", 3);
  await page.goto(third);
  await expect(page.getByText("as Old Me Too")).toBeVisible();
});
