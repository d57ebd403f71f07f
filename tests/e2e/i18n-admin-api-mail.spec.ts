// The second i18n pass end to end (docs/decisions/131-i18n-api-and-mail.md), against the production
// build: the moderation panel in Spanish for a Spanish browser, an API error's message in Spanish (code
// and field unchanged), and a Spanish sign-up receiving its confirmation mail in Spanish through the
// e2e SMTP server.
import { expect, test } from "@playwright/test";
import { allMail, uniqueEmail, waitForLink } from "./mail";
import { createPremoderatedArticle, runTag, unpublishArticle } from "./run-fixtures";
import { signInContext, signInRequest } from "./users";

test.describe("Spanish browser", () => {
  test.use({ locale: "es-ES", extraHTTPHeaders: { "accept-language": "es-ES,es;q=0.9" } });

  test("the admin dashboard and queue are in Spanish", async ({ page, context, baseURL }) => {
    await signInContext(context, "admin", baseURL!);
    await page.goto("/admin");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Moderación" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Moderación" });
    await expect(nav.getByRole("link", { name: "Cola" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Registro de auditoría" })).toBeVisible();
    await expect(page.getByText("Pendientes en la cola")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Comentarios por día" })).toBeVisible();
    await expect(page.getByText("Pending in the queue")).toHaveCount(0);

    await page.getByRole("navigation", { name: "Moderación" }).getByRole("link", { name: "Cola" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cola de moderación" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Colas" }).getByRole("link", { name: /^Pendientes/ }),
    ).toBeVisible();
    await expect(page).toHaveTitle(/Cola de moderación/);
  });

  test("an API error answers in Spanish; code and field stay the same", async ({ request }) => {
    const es = await request.get("/api/v1/search?q=a");
    expect(es.status()).toBe(422);
    const body = await es.json();
    expect(body.error.code).toBe("query_too_short");
    expect(body.error.field).toBe("q");
    expect(body.error.message).toBe("q: escribe al menos 2 caracteres para buscar.");
    // the cookie the language switch sets wins over the header, as for pages
    const en = await request.get("/api/v1/search?q=a", {
      headers: { cookie: "NEXT_LOCALE=en", "accept-language": "es" },
    });
    expect((await en.json()).error.message).toBe("q: enter at least 2 characters to search.");
    // a signed-out write: the sign-in message, in Spanish
    const anon = await request.post("/api/v1/notifications/read", {
      headers: { origin: new URL(es.url()).origin },
      data: { all: true },
    });
    expect(anon.status()).toBe(401);
    expect((await anon.json()).error).toEqual({
      code: "unauthenticated",
      message: "Inicia sesión para hacer esto.",
    });
  });

  test("a comment's verdict and the reader's held comments are told in Spanish", async ({
    playwright,
    baseURL,
  }) => {
    const es = { "accept-language": "es-ES,es;q=0.9" };
    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: es });
    const reader = await playwright.request.newContext({ baseURL, extraHTTPHeaders: es });
    await signInRequest(admin, "admin", baseURL!);
    await signInRequest(reader, "reader", baseURL!);
    const tag = runTag();
    const article = await createPremoderatedArticle(admin, baseURL!, tag, "Premoderado");
    const held =
      "Retenido para revisión: los comentarios de este artículo aparecen después de que un moderador los lea.";
    const r = await reader.post(`/api/v1/articles/${article.slug}/comments`, {
      headers: { origin: baseURL! },
      data: { body: `Un comentario que espera ${tag}` },
    });
    expect(r.status()).toBe(201);
    const posted = await r.json();
    expect(posted).toMatchObject({ status: "pending", message: held, comment: { message: held } });
    const mine = await (await reader.get(`/api/v1/articles/${article.slug}/comments/mine`)).json();
    expect(mine.pending[0]).toMatchObject({ id: posted.id, message: held });
    // the same answer in English for an English reader
    const en = await reader.get(`/api/v1/articles/${article.slug}/comments/mine`, {
      headers: { "accept-language": "en" },
    });
    expect((await en.json()).pending[0].message).toBe(
      "Held for review: comments on this article appear after a moderator has read them.",
    );
    await unpublishArticle(admin, baseURL!, article.id);
    await admin.dispose();
    await reader.dispose();
  });

  test("a reader who signs up in Spanish gets the confirmation mail in Spanish", async ({ page }) => {
    const email = uniqueEmail("es-signup");
    await page.goto("/signup");
    await page.getByLabel("Nombre visible").fill("Lucía Pérez");
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill("Compiladores-de-1952");
    await page.getByRole("button", { name: "Crear cuenta" }).click();
    // signed in once the sign-up answered (its redirect sets the session cookie)
    await expect(page).toHaveURL(/\/check-email\?for=signup/);
    const link = await waitForLink(email, "/verify-email");
    const mail = allMail().find((m) => m.to.includes(email))!;
    expect(mail.subject).toBe("Confirma tu dirección de correo en Agora");
    expect(mail.body).toContain("Hola, Lucía Pérez:");
    expect(mail.body).toContain("El enlace funciona una vez, durante 24 horas.");
    // the account page offers the mail language, set to Spanish
    await page.goto(link);
    await page.goto("/account");
    await expect(page.getByLabel("Idioma de los correos que te enviamos")).toHaveValue("es");
  });
});
