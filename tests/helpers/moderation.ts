// Fixtures for moderation tests: users, articles and comments written straight into the test database
// (the comments API lives in another feature), and postComment(), which does what the comment endpoint
// does with the pipeline: moderate, then store the verdict.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, comments, reports, users } from "@/db/schema";
import { moderateComment, type Verdict } from "@/lib/moderation";

export async function makeUser(
  db: Db,
  opts: { role?: "reader" | "moderator" | "admin"; name?: string; createdAt?: Date } = {},
): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({
    id,
    name: opts.name ?? `User ${id.slice(0, 6)}`,
    email: `${id}@test.test`,
    role: opts.role ?? "reader",
    emailVerified: new Date(),
    ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
  });
  return id;
}

export async function makeArticle(
  db: Db,
  opts: Partial<typeof articles.$inferInsert> = {},
): Promise<{ id: string; slug: string }> {
  const slug = opts.slug ?? `a-${randomUUID().slice(0, 8)}`;
  const [author] = await db
    .insert(authors)
    .values({ slug: `au-${randomUUID().slice(0, 8)}`, name: "An Author" })
    .returning({ id: authors.id });
  const [a] = await db
    .insert(articles)
    .values({
      title: `Article ${slug}`,
      body: "Body.",
      authorId: author.id,
      status: "published",
      publishedAt: new Date(Date.now() - 3600_000),
      ...opts,
      slug,
    })
    .returning({ id: articles.id, slug: articles.slug });
  return a;
}

export async function insertComment(
  db: Db,
  opts: {
    articleId: string;
    authorId: string;
    body?: string;
    status?: (typeof comments.$inferInsert)["status"];
    decidedBy?: string;
    statusReason?: string;
    parentId?: string;
    createdAt?: Date;
    ipHash?: string;
  },
): Promise<string> {
  const status = opts.status ?? "approved";
  const [c] = await db
    .insert(comments)
    .values({
      articleId: opts.articleId,
      authorId: opts.authorId,
      body: opts.body ?? "A comment.",
      bodyHtml: `<p>${opts.body ?? "A comment."}</p>`,
      path: randomUUID(),
      status,
      decidedBy: opts.decidedBy ?? (status === "approved" ? "approve" : "test"),
      statusReason: opts.statusReason ?? null,
      parentId: opts.parentId ?? null,
      ipHash: opts.ipHash ?? "test-ip",
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    })
    .returning({ id: comments.id });
  if (status === "approved")
    await db
      .update(articles)
      .set({ commentCount: sql`${articles.commentCount} + 1` })
      .where(eq(articles.id, opts.articleId));
  return c.id;
}

/** What the comment endpoint does: run the pipeline, store the verdict. */
export async function postComment(
  db: Db,
  opts: { articleId: string; authorId: string; body: string; ipHash?: string; honeypot?: string; now?: Date },
): Promise<{ id: string; verdict: Verdict }> {
  const verdict = await moderateComment(
    db,
    {
      body: opts.body,
      articleId: opts.articleId,
      authorId: opts.authorId,
      parentId: null,
      ipHash: opts.ipHash ?? "test-ip",
      honeypot: opts.honeypot,
    },
    { now: opts.now },
  );
  const id = await insertComment(db, {
    articleId: opts.articleId,
    authorId: opts.authorId,
    body: opts.body,
    status: verdict.status,
    decidedBy: verdict.phase,
    statusReason: verdict.reason,
    ipHash: opts.ipHash,
    createdAt: opts.now,
  });
  return { id, verdict };
}

export async function report(
  db: Db,
  commentId: string,
  reporterId: string,
  reason: "abuse" | "spam" = "abuse",
) {
  await db.insert(reports).values({ commentId, reporterId, reason });
}

export async function commentRow(db: Db, id: string) {
  const [c] = await db.select().from(comments).where(eq(comments.id, id));
  return c;
}

export async function articleRow(db: Db, id: string) {
  const [a] = await db.select().from(articles).where(eq(articles.id, id));
  return a;
}
