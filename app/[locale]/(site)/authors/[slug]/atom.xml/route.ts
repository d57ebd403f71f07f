import { AUTHOR_SLUG_RE, getArticlesFeed } from "@/lib/discovery/cached";
import { feedResponse } from "@/lib/discovery/respond";

export const dynamic = "force-dynamic";

/** Atom 1.0: the latest published articles of one author (404 for an unknown author). */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!AUTHOR_SLUG_RE.test(slug) || slug.length > 100) return feedResponse(null, "atom");
  return feedResponse(await getArticlesFeed("atom", { authorSlug: slug }), "atom");
}
