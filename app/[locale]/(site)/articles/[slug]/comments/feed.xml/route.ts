import { getCommentsFeed, SLUG_RE } from "@/lib/discovery/cached";
import { feedResponse } from "@/lib/discovery/respond";

export const dynamic = "force-dynamic";

/** RSS 2.0: the latest approved comments of one published article, and its "What readers said" block. */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!SLUG_RE.test(slug) || slug.length > 200) return feedResponse(null, "rss");
  return feedResponse(await getCommentsFeed(slug, "rss"), "rss");
}
