// Fixtures a test makes for itself on every run, through the ordinary API, so that it passes again
// against the same server (`npx playwright test --repeat-each N` shares one seeded server): a unique
// run tag for titles, bodies and slugs, a premoderated article of the test's own, and comments on it.
// (The server owns a PGlite directory, so tests cannot write to the database directly.)
import { type APIRequestContext, expect } from "@playwright/test";

let n = 0;
/** A tag unique to this call: lower-case letters and digits, usable in a slug. */
export function runTag(): string {
  return `${Date.now().toString(36)}${(++n).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A published article of its own whose reader comments wait for a moderator (moderationMode "pre"),
 * dated long ago so that it never becomes the "latest" article other specs look for. `admin` is an
 * admin's signed-in request context.
 */
export async function createPremoderatedArticle(
  admin: APIRequestContext,
  baseURL: string,
  tag: string,
  title: string,
): Promise<{ id: string; slug: string }> {
  const authors = (await (await admin.get("/api/v1/admin/authors")).json()).items as {
    id: string;
    name: string;
  }[];
  const desk = authors.find((a) => a.name === "E2E Desk"); // tests/e2e/seed/moderation.mts
  expect(desk, "the e2e seed's author E2E Desk").toBeTruthy();
  const made = await admin.post("/api/v1/admin/articles", {
    headers: { origin: baseURL },
    data: {
      title: `${title} ${tag}`,
      slug: `e2e-${tag}`,
      body: "An article whose comments a moderation test decides.",
      authorId: desk!.id,
      status: "published",
      publishedAt: "2001-01-01T00:00:00Z",
      moderationMode: "pre",
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { article } = await made.json();
  return { id: article.id, slug: article.slug };
}

/** Takes the article off the public site again (and out of the lists other specs read). */
export async function unpublishArticle(admin: APIRequestContext, baseURL: string, id: string) {
  const off = await admin.put(`/api/v1/admin/articles/${id}`, {
    headers: { origin: baseURL },
    data: { status: "draft" },
  });
  expect(off.status()).toBe(200);
}

/** Posts a comment as the signed-in `author`; on a premoderated article it waits in the queue. */
export async function postPendingComment(
  author: APIRequestContext,
  baseURL: string,
  slug: string,
  body: string,
): Promise<string> {
  const r = await author.post(`/api/v1/articles/${slug}/comments`, {
    headers: { origin: baseURL },
    data: { body },
  });
  expect(r.status(), await r.text()).toBe(201);
  const c = await r.json();
  expect(c.status, `"${body}" waits for a moderator`).toBe("pending");
  return c.id as string;
}

/**
 * Withdraws the signed-in reader's vote in the poll asking `question` on article `slug`, if an earlier
 * pass left one: the test then starts from a reader who has not voted, as on the first pass.
 */
export async function withdrawVote(
  reader: APIRequestContext,
  baseURL: string,
  slug: string,
  question: string,
): Promise<void> {
  const r = await reader.get(`/api/v1/articles/${slug}/polls`);
  expect(r.status()).toBe(200);
  const poll = ((await r.json()).polls as { id: string; question: string }[]).find(
    (p) => p.question === question,
  );
  expect(poll, `the poll "${question}"`).toBeTruthy();
  const off = await reader.delete(`/api/v1/polls/${poll!.id}/vote`, { headers: { origin: baseURL } });
  expect(off.status()).toBe(200);
}
