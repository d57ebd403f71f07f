import { getArticlesFeed, TAG_RE } from "@/lib/discovery/cached";
import { feedResponse } from "@/lib/discovery/respond";

export const dynamic = "force-dynamic";

/** RSS 2.0: the latest published articles of one tag. */
export async function GET(_req: Request, ctx: { params: Promise<{ tag: string }> }) {
  const tag = decodeURIComponent((await ctx.params).tag);
  if (!TAG_RE.test(tag)) return feedResponse(null, "rss");
  return feedResponse(await getArticlesFeed("rss", { tag }), "rss");
}
