// What authors see of their own comments: status, the specific explanation, and whether they may appeal.
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, articles, comments, externalThreads } from "@/db/schema";
import { localize } from "@/lib/i18n/text";
import { NOT_APPEALABLE_REASONS } from "./appeals";
import { explainStatus } from "./messages";

export interface OwnComment {
  id: string;
  body: string;
  status: string;
  explanation: string;
  createdAt: string;
  /** `href`: the article page, or for a discussion embedded on another site (an external thread, which has
   * no page here) that site's page; null when unknown or when the article is not published */
  article: { slug: string; title: string; href: string | null; external: boolean };
  appeal: { status: string; createdAt: string } | null;
  mayAppeal: boolean;
}

/** `locale`: the language of the explanations (they are kept in English, lib/i18n/text.ts localize). */
export async function listOwnComments(
  db: Db,
  userId: string,
  locale = "en",
  limit = 50,
): Promise<OwnComment[]> {
  const rows = await db
    .select({
      c: comments,
      slug: articles.slug,
      title: articles.title,
      kind: articles.kind,
      articleStatus: articles.status,
      externalUrl: externalThreads.url,
      appealStatus: appeals.status,
      appealAt: appeals.createdAt,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(externalThreads, eq(externalThreads.articleId, articles.id))
    .leftJoin(appeals, eq(appeals.commentId, comments.id))
    .where(eq(comments.authorId, userId))
    .orderBy(desc(comments.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.c.id,
    body: r.c.body,
    status: r.c.status,
    explanation: localize(explainStatus(r.c), locale),
    createdAt: r.c.createdAt.toISOString(),
    article: {
      slug: r.slug,
      title: r.title,
      external: r.kind === "external",
      // an unpublished article (a draft, or taken down) has no page: its title is shown without a link
      href:
        r.kind === "external"
          ? safeHttpUrl(r.externalUrl)
          : r.articleStatus === "published"
            ? `/articles/${r.slug}`
            : null,
    },
    appeal:
      r.appealStatus && r.appealAt ? { status: r.appealStatus, createdAt: r.appealAt.toISOString() } : null,
    mayAppeal:
      (r.c.status === "rejected" || r.c.status === "spam") &&
      !r.appealStatus &&
      !NOT_APPEALABLE_REASONS.has(r.c.statusReason ?? ""),
  }));
}

/** An external page's address when it is http(s) (it came from an embedding page or an import). */
function safeHttpUrl(u: string | null): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
