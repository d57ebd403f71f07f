// Reader profiles: display name, member since, counts and approved comments (newest first, paged).
// Only approved comments on published articles; a hidden profile or a deleted account is not found
// (staff read it through `includeHidden`, in the admin panel).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, comments, users } from "@/db/schema";
import { HANDLE_RE, invalidateReaderPages } from "./handle";

export const PROFILE_PAGE_SIZE = 20;

export interface ProfileComment {
  id: string;
  bodyHtml: string;
  createdAt: string;
  upvotes: number;
  article: { slug: string; title: string };
  url: string;
}

export interface ReaderProfile {
  userId: string;
  handle: string;
  name: string;
  memberSince: string;
  hidden: boolean;
  counts: { comments: number; upvotes: number; articles: number };
  comments: ProfileComment[];
  page: number;
  pages: number;
}

const publicComment = () =>
  and(
    eq(comments.status, "approved"),
    eq(articles.status, "published"),
    sql`${articles.publishedAt} <= now()`,
  );

export async function findReaderProfile(
  db: Db,
  rawHandle: string,
  page = 1,
  opts: { includeHidden?: boolean } = {},
): Promise<ReaderProfile | null> {
  const handle = rawHandle.toLowerCase();
  if (!HANDLE_RE.test(handle) || !Number.isInteger(page) || page < 1 || page > 10_000) return null;
  const [u] = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      createdAt: users.createdAt,
      hidden: users.profileHidden,
    })
    .from(users)
    .where(and(eq(users.handle, handle), isNull(users.deletedAt)))
    .limit(1);
  if (!u || (u.hidden && !opts.includeHidden)) return null;
  const mine = and(eq(comments.authorId, u.id), publicComment());
  const [counts] = await db
    .select({
      comments: sql<number>`count(*)::int`,
      upvotes: sql<number>`coalesce(sum(${comments.upvotes}), 0)::int`,
      articles: sql<number>`count(distinct ${comments.articleId})::int`,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(mine);
  const rows = await db
    .select({
      id: comments.id,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      upvotes: comments.upvotes,
      slug: articles.slug,
      title: articles.title,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(mine)
    .orderBy(desc(comments.createdAt), desc(comments.seq))
    .limit(PROFILE_PAGE_SIZE)
    .offset((page - 1) * PROFILE_PAGE_SIZE);
  const total = Number(counts?.comments ?? 0);
  return {
    userId: u.id,
    handle: u.handle ?? handle,
    name: u.name ?? "Reader",
    memberSince: u.createdAt.toISOString(),
    hidden: u.hidden,
    counts: {
      comments: total,
      upvotes: Number(counts?.upvotes ?? 0),
      articles: Number(counts?.articles ?? 0),
    },
    comments: rows.map((r) => ({
      id: r.id,
      bodyHtml: r.bodyHtml,
      createdAt: r.createdAt.toISOString(),
      upvotes: r.upvotes,
      article: { slug: r.slug, title: r.title },
      url: `/articles/${r.slug}/comments/${r.id}`,
    })),
    page,
    pages: Math.max(1, Math.ceil(total / PROFILE_PAGE_SIZE)),
  };
}

/** Hides or shows a reader's profile; the profile and the pages linking it are invalidated. */
export async function setProfileHidden(db: Db, userId: string, hidden: boolean): Promise<void> {
  const [u] = await db
    .update(users)
    .set({ profileHidden: hidden })
    .where(and(eq(users.id, userId), sql`${users.profileHidden} is distinct from ${hidden}`))
    .returning({ handle: users.handle });
  if (u) await invalidateReaderPages(db, userId, [u.handle]);
}
