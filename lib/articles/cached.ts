// Cached reads for the public pages: Next's data cache, tagged so that a change to an article (or to the
// lists) invalidates exactly the pages that show it. Only used inside the Next.js server.
import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { cacheTags } from "@/lib/cache";
import { findPublishedArticle, latestArticles, recommendedArticles, topArticles } from "./queries";

export function getPublicArticle(slug: string) {
  return unstable_cache(async () => findPublishedArticle(await getDb(), slug), ["article", slug], {
    tags: [cacheTags.article(slug)],
  })();
}

export const getArticleLists = unstable_cache(
  async () => {
    const db = await getDb();
    const [latest, top] = await Promise.all([latestArticles(db, 6), topArticles(db, 6)]);
    return { latest, top };
  },
  ["article-lists"],
  { tags: [cacheTags.articleLists], revalidate: 300 },
);

export function getRecommended(slug: string) {
  return unstable_cache(async () => recommendedArticles(await getDb(), slug, 4), ["recommended", slug], {
    tags: [cacheTags.articleLists, cacheTags.article(slug)],
    revalidate: 300,
  })();
}
