import { getArticlesFeed } from "@/lib/discovery/cached";
import { feedResponse } from "@/lib/discovery/respond";

export const dynamic = "force-dynamic";

/** RSS 2.0: the latest published articles. */
export async function GET() {
  return feedResponse(await getArticlesFeed("rss", {}), "rss");
}
