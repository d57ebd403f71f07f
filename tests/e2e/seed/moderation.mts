// E2E fixtures for moderation (run by tests/e2e/serve.mjs before the server starts): the author E2E Desk
// and an old article by that author. The moderation specs make their pending comments on every run, on
// articles of their own by E2E Desk (tests/e2e/run-fixtures.ts), so that they pass again under
// `--repeat-each` (one seeded server for all passes).
import { eq } from "drizzle-orm";
import { openDb } from "../../../db/client";
import { articles, authors } from "../../../db/schema";

export const E2E_ARTICLE = "e2e-moderation";

const h = await openDb();
const db = h.db;
try {
  const [author] = await db
    .insert(authors)
    .values({ slug: "e2e-desk", name: "E2E Desk" })
    .onConflictDoNothing()
    .returning({ id: authors.id });
  const authorId = author?.id ?? (await db.select().from(authors).where(eq(authors.slug, "e2e-desk")))[0].id;
  await db.insert(articles).values({
    slug: E2E_ARTICLE,
    title: "E2E moderation article",
    body: "An article by the moderation specs' author.",
    authorId,
    status: "published",
    // long ago: it must not become the "latest" article other specs look for
    publishedAt: new Date("2001-01-01T00:00:00Z"),
  });
  console.log(`e2e moderation fixtures: author e2e-desk, article ${E2E_ARTICLE}`);
} finally {
  await h.close();
}
