// Cached reads for the comment pages, tagged with the article's cache tag so that any change to the
// article's comments re-renders them. Only used inside the Next.js server.
import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { cacheTags } from "@/lib/cache";
import { getCommentContext } from "./read";

export function getCachedCommentContext(slug: string, id: string) {
  return unstable_cache(
    async () => getCommentContext(await getDb(), slug, id),
    ["comment-context", slug, id],
    {
      tags: [cacheTags.article(slug)],
    },
  )();
}
