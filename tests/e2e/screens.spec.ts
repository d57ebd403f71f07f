// Every page, as every kind of visitor, at 390 px and 1,280 px, light and dark: no horizontal overflow
// (documentElement.scrollWidth > innerWidth), no console error, no CSP violation. A page that fails
// names the widest element past the edge, so the fix is findable.
import { expect, test } from "@playwright/test";
import { contexts, fixtures, PAGES, pathOf, settled, VIEWS } from "./screens-helpers";
import { signInContext } from "./users";

test.describe.configure({ mode: "serial" });

let fx: { cid: string; uid: string; pid: string };
test.beforeAll(async ({ browser, baseURL }) => {
  const ctx = await browser.newContext();
  await signInContext(ctx, "admin", baseURL!);
  fx = await fixtures(ctx.request, baseURL!);
  await ctx.close();
});

for (const view of VIEWS) {
  test(`every page at ${view.width} px ${view.scheme}: no overflow, console error or CSP violation`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const ctxs = await contexts(browser, view, baseURL!);
    const problems: string[] = [];
    for (const [who, p] of PAGES) {
      const path = pathOf(p, fx);
      const at = `${p} (${who})`;
      const page = await ctxs[who].newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        const t = m.text();
        // the not-found page answers 404 on purpose; the browser logs that load
        if (m.type() === "error" && !(p === "/no-such-page" && /status of 404/.test(t)))
          errors.push(t.slice(0, 200));
      });
      page.on("pageerror", (e) => errors.push(`uncaught ${e.message.split("\n")[0]}`));
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
        );
      });
      const res = await page.goto(path);
      await settled(page);
      const status = res?.status() ?? 0;
      if (status >= 400 && p !== "/no-such-page") problems.push(`${at}: answered ${status}`);
      if (new URL(page.url()).pathname.startsWith("/signin") && !p.startsWith("/signin"))
        problems.push(`${at}: sent to sign in`);
      const overflow = await page.evaluate(() => {
        const W = window.innerWidth;
        const sw = document.documentElement.scrollWidth;
        if (sw <= W) return null;
        let widest: { name: string; w: number } | null = null;
        for (const e of document.body.querySelectorAll("*")) {
          const r = e.getBoundingClientRect();
          if (r.right <= W + 1 || getComputedStyle(e).position === "fixed") continue;
          if (!widest || r.width > widest.w)
            widest = {
              name: `${e.tagName.toLowerCase()}.${String(e.className).split(" ").slice(0, 3).join(".")}`,
              w: Math.round(r.width),
            };
        }
        return `scrollWidth ${sw} > ${W} (widest past the edge: ${widest?.name} ${widest?.w}px)`;
      });
      if (overflow) problems.push(`${at}: overflows sideways: ${overflow}`);
      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      if (csp.length) problems.push(`${at}: CSP violation: ${csp[0]}`);
      if (errors.length) problems.push(`${at}: console error: ${errors[0]}`);
      await page.close();
    }
    for (const c of Object.values(ctxs)) await c.close();
    expect(problems, problems.join("\n")).toEqual([]);
  });
}
