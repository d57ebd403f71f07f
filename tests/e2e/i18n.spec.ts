// English and Spanish (docs/decisions/130-i18n.md): the edge picks the language from an explicit /es/
// prefix, the NEXT_LOCALE cookie set by the footer's switch, or Accept-Language; <html lang> follows;
// each language is its own cached page (a Spanish render is never served to an English reader), with
// its own hashed CSP; the article renders right-to-left without horizontal overflow.
import { type APIResponse, expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { settled } from "./screens-helpers";
import { signInRequest } from "./users";

const SLUG = "will-russia-defend-maduro";
const ARTICLE = `/articles/${SLUG}`;
const SPANISH = [
  "Comentarios",
  "Iniciar sesión",
  "Ir al contenido",
  "Publicar comentario",
  "Valora este artículo",
];
const ENGLISH_ONLY = ["Skip to content", "Post comment", "Was this page helpful"];

const langOf = (html: string) => /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1];

async function html(res: APIResponse) {
  expect(res.status()).toBe(200);
  return res.text();
}

test.describe.configure({ mode: "serial" });

test("Accept-Language: es gives the Spanish page, and English readers still get English", async ({
  request,
}) => {
  // warm both languages so that the second round is served from the page cache
  for (let round = 0; round < 2; round++) {
    const es = await request.get(ARTICLE, { headers: { "accept-language": "es-ES,es;q=0.9" } });
    const esHtml = await html(es);
    expect(langOf(esHtml)).toBe("es");
    for (const s of SPANISH) expect(esHtml, s).toContain(s);
    for (const s of ENGLISH_ONLY) expect(esHtml, s).not.toContain(s);
    expect(es.headers()["content-language"]).toBe("es");
    expect(es.headers().vary).toMatch(/Accept-Language/);
    expect(es.headers().vary).toMatch(/Cookie/);
    // the cached page's own policy: hashes of the framework's scripts, no nonce
    expect(es.headers()["content-security-policy"]).toMatch(/'sha256-/);

    const en = await request.get(ARTICLE, { headers: { "accept-language": "en" } });
    const enHtml = await html(en);
    expect(langOf(enHtml)).toBe("en");
    expect(enHtml).toContain("Skip to content");
    expect(enHtml).not.toContain("Ir al contenido");
    expect(en.headers()["content-language"]).toBe("en");
    if (round === 1) {
      expect(es.headers()["x-nextjs-cache"]).toBe("HIT");
      expect(en.headers()["x-nextjs-cache"]).toBe("HIT");
    }
  }
  // no header at all: English, the default; an unknown language: English
  expect(langOf(await html(await request.get(ARTICLE)))).toBe("en");
  expect(
    langOf(await html(await request.get(ARTICLE, { headers: { "accept-language": "fr-FR,de;q=0.5" } }))),
  ).toBe("en");
});

test("a change invalidates the cached page in both languages", async ({ request, baseURL }) => {
  const es = { "accept-language": "es" };
  const en = { "accept-language": "en" };
  await html(await request.get(ARTICLE, { headers: es }));
  await html(await request.get(ARTICLE, { headers: en }));
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin", baseURL!);
  const body = `Cache check ${Date.now()}: both languages must show this comment.`;
  const post = await admin.post(`/api/v1/articles/${SLUG}/comments`, {
    headers: { origin: baseURL! },
    data: { body },
  });
  expect(post.status()).toBe(201);
  const c = await post.json();
  if (c.status !== "approved")
    expect(
      (
        await admin.post(`/api/v1/admin/comments/${c.id}/decision`, {
          headers: { origin: baseURL! },
          data: { action: "approve" },
        })
      ).ok(),
    ).toBe(true);
  await admin.dispose();
  // invalidation is by tag (AGORA_INVALIDATE_WINDOW_MS=0 in e2e): the next render shows it in both
  await expect
    .poll(async () => (await html(await request.get(ARTICLE, { headers: es }))).includes(body))
    .toBe(true);
  await expect
    .poll(async () => (await html(await request.get(ARTICLE, { headers: en }))).includes(body))
    .toBe(true);
});

test("an explicit /es/ or /en/ path wins over the cookie and the header", async ({ request }) => {
  const es = await request.get(`/es${ARTICLE}`, {
    headers: { "accept-language": "en", cookie: "NEXT_LOCALE=en" },
  });
  const esHtml = await html(es);
  expect(langOf(esHtml)).toBe("es");
  // links inside the site stay unprefixed
  expect(esHtml).toContain('href="/signin"');
  expect(esHtml).not.toContain('href="/es/');
  const en = await request.get(`/en${ARTICLE}`, { headers: { "accept-language": "es" } });
  expect(langOf(await html(en))).toBe("en");
  // the home page in each language
  expect(langOf(await html(await request.get("/es")))).toBe("es");
  expect(await html(await request.get("/", { headers: { "accept-language": "es" } }))).toContain(
    "Últimos artículos",
  );
});

test("bad language input falls back to English and never fails", async ({ request }) => {
  const bad: Record<string, string>[] = [
    { cookie: "NEXT_LOCALE=xx" },
    { cookie: "NEXT_LOCALE=<script>" },
    { "accept-language": ";;;q=zz,,," },
    { "accept-language": "x".repeat(4000) },
  ];
  for (const headers of bad)
    expect(
      langOf(await html(await request.get(ARTICLE, { headers }))),
      JSON.stringify(headers).slice(0, 60),
    ).toBe("en");
  // an unknown locale prefix is just an unknown page
  const fr = await request.get(`/fr${ARTICLE}`);
  expect(fr.status()).toBe(404);
  // the API and static files are not localised
  const me = await request.get("/api/v1/me", { headers: { "accept-language": "es" } });
  expect(me.status()).toBe(200);
  expect(me.headers()["content-language"]).toBeUndefined();
  expect((await request.get("/embed.js")).status()).toBe(200);
});

async function noCspViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(e.violatedDirective));
  });
}

test("the footer's switch (keyboard) sets the cookie; the page reloads in Spanish, others stay English", async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ locale: "en-US" });
  const page = await ctx.newPage();
  await noCspViolations(page);
  await page.goto(ARTICLE);
  await settled(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const switcher = page.getByRole("navigation", { name: "Language" });
  const espanol = switcher.getByRole("button", { name: "Español" });
  await espanol.focus();
  await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  expect(new URL(page.url()).pathname).toBe(ARTICLE);
  await expect(page.getByRole("heading", { name: /^Comentarios/ })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Idioma" }).getByRole("button", { name: "Español" }),
  ).toHaveAttribute("aria-current", "true");
  const cookies = await ctx.cookies(baseURL!);
  expect(cookies.find((c) => c.name === "NEXT_LOCALE")?.value).toBe("es");
  // the cached Spanish page runs: the comments section loaded the reader's state (client JS, CSP ok)
  await expect(page.locator('[data-comments="article"]')).toHaveAttribute("data-reader", "ready");
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  // client-side navigation keeps the language
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Inicio" }).click();
  await expect(page.getByRole("heading", { name: "Últimos artículos" })).toBeVisible();

  // another reader with an English browser still gets English (the cache is per language)
  const other = await browser.newContext({ locale: "en-US" });
  const p2 = await other.newPage();
  await p2.goto(ARTICLE);
  await expect(p2.locator("html")).toHaveAttribute("lang", "en");
  await expect(p2.getByRole("link", { name: "Skip to content" })).toBeAttached();
  await other.close();

  // and back to English with the switch
  await page.goto(ARTICLE);
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("navigation", { name: "Idioma" }).getByRole("button", { name: "English" }).click(),
  ]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await ctx.close();
});

for (const width of [390, 1280]) {
  test(`the article right-to-left at ${width} px: nothing overflows sideways`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(ARTICLE);
    await settled(page);
    await page.evaluate(() => {
      document.documentElement.dir = "rtl";
    });
    // layout again after the direction change
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const problem = await page.evaluate(() => {
      const W = window.innerWidth;
      const sw = document.documentElement.scrollWidth;
      const out: string[] = [];
      if (sw > W) out.push(`scrollWidth ${sw} > ${W}`);
      for (const e of document.body.querySelectorAll("*")) {
        const r = e.getBoundingClientRect();
        const st = getComputedStyle(e);
        if (r.width <= 1 || st.position === "fixed" || st.visibility === "hidden") continue;
        if (e.closest(".sr-only")) continue;
        if (r.left < -1 || r.right > W + 1)
          out.push(
            `${e.tagName.toLowerCase()}.${String(e.className).split(" ").slice(0, 3).join(".")} at ${Math.round(r.left)}..${Math.round(r.right)}`,
          );
        if (out.length > 5) break;
      }
      return out;
    });
    expect(problem, problem.join("\n")).toEqual([]);
    await ctx.close();
  });
}
