// The admin's import: upload a Disqus export, watch the progress bar reach the end with the counts, and
// find the same finished job after a reload; then the export downloads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { disqusDoc } from "../helpers/disqus";
import { signInContext } from "./users";

test("an admin imports a Disqus file with a live progress bar and downloads the export", async ({
  page,
  context,
  baseURL,
}) => {
  await signInContext(context, "admin", baseURL as string);
  const tag = Date.now().toString(36);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "agora-e2e-import-")), `disqus-${tag}.xml`);
  fs.writeFileSync(
    file,
    disqusDoc(
      [
        {
          id: `t-${tag}`,
          identifier: `adm-${tag}`,
          link: `https://cms.example/${tag}.html`,
          title: "CMS story",
        },
      ],
      Array.from({ length: 30 }, (_, i) => ({
        id: `p-${tag}-${i}`,
        thread: `t-${tag}`,
        parent: i > 0 && i % 3 === 0 ? `p-${tag}-${i - 1}` : undefined,
        text: `Imported by the admin ${i} zqadm${tag}`,
        username: `u${i % 4}-${tag}`,
      })),
    ),
  );
  await page.goto("/admin/imports");
  await page.getByLabel("Format").selectOption("disqus");
  await page.getByLabel("File").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  const job = page.getByRole("listitem").filter({ hasText: `disqus-${tag}.xml` });
  await expect(job).toContainText("done", { timeout: 30_000 });
  await expect(job).toContainText("posts: 30 imported");
  await expect(job.getByRole("progressbar")).toHaveAttribute("value", "100");
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: `disqus-${tag}.xml` })).toContainText(
    "posts: 30 imported",
  );
  // the same file again adds nothing
  await page.getByLabel("File").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `disqus-${tag}.xml` })
      .first(),
  ).toContainText("posts: 0 imported, 0 updated, skipped: 30 already imported", { timeout: 30_000 });
  const xml = await page.request.get("/api/v1/admin/export?format=disqus");
  expect(xml.status()).toBe(200);
  expect(xml.headers()["content-disposition"]).toMatch(/attachment; filename="agora-disqus-/);
  expect((await xml.text()).match(new RegExp(`zqadm${tag}`, "g"))).toHaveLength(30);
  const csv = await page.request.get("/api/v1/admin/export?format=csv&table=accounts");
  expect(await csv.text()).toMatch(/^id,name,role,status,createdAt,deletedAt\r\n/);
  const anon = await page.request.get("/api/v1/admin/export?format=csv&table=nope");
  expect(anon.status()).toBe(422);
});
