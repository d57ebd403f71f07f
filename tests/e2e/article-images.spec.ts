// Article images (issue 13): the editor refuses an image from a host that is not allowed, naming the
// allowed ones (AGORA_IMAGE_HOSTS=images.example-cdn.com in playwright.config.ts), and the CSP img-src
// of every page lists exactly this site and that host.
import { expect, test } from "@playwright/test";
import { signInContext } from "./users";

test("the editor refuses an image from another host and names the allowed host", async ({
  browser,
  baseURL,
}) => {
  const admin = await browser.newContext();
  await signInContext(admin, "admin", baseURL!);
  const page = await admin.newPage();
  await page.goto("/admin/articles/new");
  await page.getByLabel("Title", { exact: true }).fill("Images from elsewhere");
  await page.getByLabel("Body (Markdown)").fill("Text.\n\n![A tracking pixel](https://evil.test/pixel.gif)");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(
    page.getByText(
      /https:\/\/evil\.test\/pixel\.gif is not allowed: .*allowed host \(images\.example-cdn\.com\)/,
    ),
  ).toBeVisible();
  // nothing was created
  const list = await (await admin.request.get("/api/v1/admin/articles?limit=100")).json();
  expect(JSON.stringify(list)).not.toContain("Images from elsewhere");
  // an image without alt text is refused too
  await page.getByLabel("Body (Markdown)").fill("Text.\n\n![](/media/photo.jpg)");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByText(/\/media\/photo\.jpg needs alt text/)).toBeVisible();
  await admin.close();
});

test("every page's CSP img-src is exactly this site and the allowed host", async ({ request }) => {
  for (const path of ["/", "/signin", "/api/health"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/(^|; )img-src 'self' https:\/\/images\.example-cdn\.com(;|$)/);
  }
});
