import { handle } from "@/lib/api/http";
import { requireCommentArticle } from "@/lib/comments/articles";
import { eventStream } from "@/lib/comments/live";
import { withDb } from "@/lib/db";
import { sseResponse } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

/** Server-Sent Events: new comments, edits/deletions and score changes on this article, from any instance. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  await withDb(requireCommentArticle, slug);
  return sseResponse(eventStream(slug, req.signal));
});
