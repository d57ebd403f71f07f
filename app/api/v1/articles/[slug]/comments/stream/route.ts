import { handle } from "@/lib/api/http";
import { requireCommentArticle } from "@/lib/comments/articles";
import { eventStream } from "@/lib/comments/live";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Server-Sent Events: new comments, edits/deletions and score changes on this article, from any instance. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  await withDb(requireCommentArticle, slug);
  return new Response(eventStream(slug, req.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
