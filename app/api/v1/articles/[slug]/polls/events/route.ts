import { handle } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { articlePollEvents } from "@/lib/polls/stream";
import { sseResponse } from "@/lib/realtime/sse";
import { voterForRequest } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

/** Live totals of the article's polls whose results this reader may see (text/event-stream). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const voter = await voterForRequest(req.headers);
  const stream = await withDb(articlePollEvents, slug, voter.key, req.signal);
  return sseResponse(stream);
});
