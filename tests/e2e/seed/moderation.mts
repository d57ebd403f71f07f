// E2E fixtures for moderation (run by tests/e2e/serve.mjs before the server starts): an article of its
// own with comments from the fixture reader waiting in the queue, so that the moderation specs do not
// depend on the comments API and do not disturb other features' articles.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { openDb } from "../../../db/client";
import { articles, authors, comments, users } from "../../../db/schema";
import { USERS } from "../users-data.mjs";

export const E2E_ARTICLE = "e2e-moderation";

const h = await openDb();
const db = h.db;
try {
  const emails = [USERS.reader.email, USERS.reader2.email];
  const found = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const id = (email: string) => found.find((u) => u.email === email)!.id;
  const [author] = await db
    .insert(authors)
    .values({ slug: "e2e-desk", name: "E2E Desk" })
    .onConflictDoNothing()
    .returning({ id: authors.id });
  const authorId = author?.id ?? (await db.select().from(authors).where(eq(authors.slug, "e2e-desk")))[0].id;
  const [article] = await db
    .insert(articles)
    .values({
      slug: E2E_ARTICLE,
      title: "E2E moderation article",
      body: "An article whose comments the moderation tests decide.",
      authorId,
      status: "published",
      // long ago: it must not become the "latest" article other specs look for
      publishedAt: new Date("2001-01-01T00:00:00Z"),
    })
    .returning({ id: articles.id });
  const base = Date.now() - 30 * 60_000;
  const rows = [
    // oldest first: the keyboard test approves the first and rejects the second
    {
      body: "E2E keyboard: approve me, I am fine.",
      by: USERS.reader.email,
      reason: "suspect_word",
      phase: "suspect_words",
    },
    {
      body: "E2E keyboard: reject me, I am rude.",
      by: USERS.reader.email,
      reason: "suspect_word",
      phase: "suspect_words",
    },
    {
      body: "E2E permissions: decided by the matrix.",
      by: USERS.reader2.email,
      reason: "premoderation",
      phase: "premoderation",
    },
  ];
  for (const [i, r] of rows.entries())
    await db.insert(comments).values({
      articleId: article.id,
      authorId: id(r.by),
      body: r.body,
      bodyHtml: `<p>${r.body}</p>`,
      path: randomUUID(),
      status: "pending",
      decidedBy: r.phase,
      statusReason: r.reason,
      createdAt: new Date(base + i * 1000),
    });
  console.log(`e2e moderation fixtures: article ${E2E_ARTICLE}, ${rows.length} pending comments`);
} finally {
  await h.close();
}
