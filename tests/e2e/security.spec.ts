// Security headers on every kind of response, and the CSP of cached pages in a real browser: the cached
// article page hydrates with zero violations, while an inline script planted into a cached page before
// it was hashed (AGORA_TEST_INJECT_SCRIPT_PATH, see tests/e2e/serve.mjs) is blocked.
import { type APIResponse, expect, type Page, test } from "@playwright/test";

const SLUG = "will-russia-defend-maduro";
const INJECTED = "demo-newsroom-comment-guidelines";

function directives(csp: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

function expectSecurityHeaders(r: APIResponse, what: string) {
  const h = r.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["strict-transport-security"], what).toMatch(/max-age=\d+/);
  expect(h["x-request-id"], what).toBeTruthy();
  const csp = h["content-security-policy"];
  expect(csp, what).toBeTruthy();
  expect(csp, `${what}: one policy`).not.toContain(",");
  const d = directives(csp);
  const script = d.get("script-src") ?? d.get("default-src") ?? [];
  expect(script, what).not.toContain("'unsafe-inline'");
  expect(script, what).not.toContain("'unsafe-eval'");
  expect(d.get("object-src"), what).toEqual(["'none'"]);
  expect(d.get("base-uri"), what).toEqual(["'none'"]);
  expect(d.get("frame-ancestors"), what).toEqual(["'none'"]);
  return d;
}

test("every kind of response carries the security headers", async ({ request }) => {
  const article = await request.get(`/articles/${SLUG}`);
  const d = expectSecurityHeaders(article, "article page");
  expect(d.get("script-src")!.filter((s) => s.startsWith("'sha256-")).length).toBeGreaterThan(0);
  expectSecurityHeaders(await request.get("/"), "home page");
  expectSecurityHeaders(await request.get("/articles/nope"), "404 page");
  expectSecurityHeaders(await request.get("/no/such/route"), "unknown route");
  expectSecurityHeaders(await request.get("/api/health"), "health API");
  expectSecurityHeaders(
    await request.post(`/api/v1/articles/nope/views`, { data: {} }),
    "views API (error answer)",
  );
  expectSecurityHeaders(await request.get("/api/metrics"), "metrics API (401)");
  const html = await article.text();
  const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)![1];
  expectSecurityHeaders(await request.get(chunk), "static chunk");
});

test("the request id comes from X-Request-Id when given and is echoed", async ({ request }) => {
  const r = await request.get("/api/health", { headers: { "x-request-id": "proxy-id-123" } });
  expect(r.headers()["x-request-id"]).toBe("proxy-id-123");
  const bad = await request.get("/api/health", { headers: { "x-request-id": "bad id\twith spaces" } });
  expect(bad.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("the cached article page keeps its hash policy from cache miss to hit", async ({ request }) => {
  const first = await request.get(`/articles/${SLUG}`);
  const second = await request.get(`/articles/${SLUG}`);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
});

async function watchCsp(page: Page) {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

test("the cached article page hydrates with zero CSP violations", async ({ page, request }) => {
  await request.get(`/articles/${SLUG}`); // make sure the browser gets a cache hit
  const watch = await watchCsp(page);
  const beacon = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${SLUG}/views`));
  const res = await page.goto(`/articles/${SLUG}`);
  expect(res?.headers()["x-nextjs-cache"]).toBe("HIT");
  // the view beacon is sent from a React effect: it runs only once the page has hydrated
  expect((await beacon).status()).toBe(200);
  await expect(page.locator('[data-stat="views"]')).toBeVisible();
  // client-side navigation (RSC fetch, no new document) under the same policy
  await page.getByRole("link", { name: "Home" }).first().click();
  await expect(page.getByRole("region", { name: "Latest articles" })).toBeVisible();
  expect(await watch.violations()).toEqual([]);
  expect(watch.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
});

test("an inline script injected into a cached page is blocked", async ({ page, request }) => {
  const html = await (await request.get(`/articles/${INJECTED}`)).text();
  expect(html).toContain("window.__agoraInjected=true"); // the attacker's script is really in the page
  const watch = await watchCsp(page);
  const beacon = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${INJECTED}/views`));
  await page.goto(`/articles/${INJECTED}`);
  expect((await beacon).status()).toBe(200); // the framework's own scripts still run: hydrated
  await expect.poll(() => watch.violations()).toHaveLength(1);
  const [violation] = await watch.violations();
  expect(violation).toMatch(/^script-src(-elem)? inline/);
  expect(
    await page.evaluate(() => (window as unknown as { __agoraInjected?: boolean }).__agoraInjected),
  ).toBe(undefined);
  expect(await page.title()).not.toBe("pwned");
});

test("metrics: Prometheus text for the token holder only", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const wrong = await request.get("/api/metrics", { headers: { authorization: "Bearer nope" } });
  expect(wrong.status()).toBe(403);
  await request.get(`/articles/${SLUG}`);
  const r = await request.get("/api/metrics", { headers: { authorization: "Bearer e2e-metrics-token" } });
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toContain("text/plain");
  const text = await r.text();
  expect(text).toMatch(/agora_http_requests_total\{method="GET",route="\/articles\/\[slug\]",status="200"/);
  expect(text).toContain("agora_http_request_duration_seconds_bucket");
  expect(text).toMatch(/agora_db_up\{app="agora"\} 1/);
  expect(text).toContain("agora_process_resident_memory_bytes");
  expect(text).not.toContain("will-russia-defend-maduro"); // routes, never paths
});
