// Screenshots of the main screens at 390 px, light and dark, into docs/screens/ (looked at by hand when
// the layout changes). Needs a server with the e2e fixture accounts (tests/e2e/serve.mjs):
//   PORT=3362 node tests/e2e/serve.mjs &   node tests/bench/screenshots.mjs http://127.0.0.1:3362
// A language as second argument (`... http://127.0.0.1:3362 es`) takes the pages under /es/ into es-*.png.
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { USERS } from "../e2e/users-data.mjs";

const base = process.argv[2] || "http://127.0.0.1:3362";
const lang = process.argv[3] || "";
const out = "docs/screens";
const prefix = lang ? `/${lang}` : "";
const file = (name) => (lang ? `${lang}-${name}` : name);
fs.mkdirSync(out, { recursive: true });
const SHOTS = [
  ["anon", "/", "home"],
  ["anon", "/articles/will-russia-defend-maduro", "article"],
  ["reader", "/account", "account"],
  ["admin", "/admin/queue", "admin-queue"],
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
for (const scheme of ["light", "dark"]) {
  for (const [who, path, name] of SHOTS) {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: scheme,
      deviceScaleFactor: 1,
    });
    if (who !== "anon") {
      const u = USERS[who];
      const { csrfToken } = await (await ctx.request.get(`${base}/api/auth/csrf`)).json();
      await ctx.request.post(`${base}/api/auth/callback/credentials`, {
        form: { csrfToken, email: u.email, password: u.password, callbackUrl: base },
        headers: { origin: base },
        maxRedirects: 0,
      });
    }
    const page = await ctx.newPage();
    await page.goto(base + prefix + (path === "/" && prefix ? "" : path), { waitUntil: "load" });
    await page.evaluate(
      () =>
        new Promise((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(r, { timeout: 3000 }))),
        ),
    );
    await page.screenshot({ path: `${out}/${file(name)}-390-${scheme}.png`, fullPage: name !== "article" });
    if (name === "article")
      await page.screenshot({ path: `${out}/${file(name)}-390-${scheme}-full.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}/`);
