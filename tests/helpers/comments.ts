// Fixtures for comment tests: users and articles inserted straight into the test database.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, users } from "@/db/schema";
import { type CommentStatus, lockComment, setCommentStatus } from "@/lib/moderation/comment-state";

export interface TestUser {
  id: string;
  role: "reader" | "moderator" | "admin";
  name: string;
}

export async function makeUsers(db: Db, n: number, prefix = "reader"): Promise<TestUser[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    name: `${prefix} ${i + 1}`,
    email: `${prefix}-${i + 1}-${randomUUID().slice(0, 8)}@test.test`,
    emailVerified: new Date(),
    role: "reader" as const,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(users).values(rows.slice(i, i + 500));
  return rows.map((r) => ({ id: r.id, role: r.role, name: r.name }));
}

export async function makeUser(db: Db, name = "reader"): Promise<TestUser> {
  return (await makeUsers(db, 1, name))[0];
}

export async function makeArticle(
  db: Db,
  slug: string,
  opts: { commentsOpen?: boolean; defaultSort?: "new" | "top" | "old" } = {},
): Promise<{ id: string; slug: string }> {
  const [author] = await db
    .insert(authors)
    .values({ slug: `author-${slug}`, name: "An Author" })
    .returning({ id: authors.id });
  const [a] = await db
    .insert(articles)
    .values({
      slug,
      title: `Article ${slug}`,
      body: "Body.",
      authorId: author.id,
      status: "published",
      publishedAt: new Date(Date.now() - 60_000),
      commentsOpen: opts.commentsOpen ?? true,
      defaultSort: opts.defaultSort ?? "new",
    })
    .returning({ id: articles.id, slug: articles.slug });
  return a;
}

export async function countComments(db: Db): Promise<number> {
  const r = (await db.execute(sql`select count(*)::int as n from comments`)) as unknown;
  const rows = (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(rows[0].n);
}

/**
 * Moves a stored comment to `status` the way moderation does (lib/moderation/comment-state, the one
 * owner of a comment's status after posting): counters and the author's message follow.
 */
export async function setStatus(
  db: Db,
  id: string,
  status: CommentStatus,
  decidedBy: string,
  reason: string | null = null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await setCommentStatus(tx, await lockComment(tx, id), { status, decidedBy, reason });
  });
}
