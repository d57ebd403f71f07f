// axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every page, signed in or not, at 390 px in
// light and at 1,280 px in dark: no violation at all. A failure lists each rule with its first target.
import AxeBuilder from "@axe-core/playwright";
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

for (const view of [VIEWS[0], VIEWS[3]]) {
  test(`axe: every page at ${view.width} px ${view.scheme} has no violation`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const ctxs = await contexts(browser, view, baseURL!);
    const found: string[] = [];
    for (const [who, p] of PAGES) {
      const page = await ctxs[who].newPage();
      await page.goto(pathOf(p, fx));
      await settled(page);
      const r = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      for (const v of r.violations)
        found.push(
          `${p} (${who}): ${v.id} [${v.impact}] ×${v.nodes.length}: ${v.nodes[0]?.target.join(" ")} — ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? v.help}`,
        );
      await page.close();
    }
    for (const c of Object.values(ctxs)) await c.close();
    expect(found, found.join("\n")).toEqual([]);
  });
}
