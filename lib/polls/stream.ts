// The server-sent event stream of an article's live poll totals, for one reader: only the polls whose
// results this reader may see (decided when the stream opens; the page reopens it after the reader
// votes). Events: "totals" with {pollId, totalVoters, options: [{id, count, percent}]}. Framing,
// keep-alive and lifetime: lib/realtime/sse.ts.
import type { Db } from "@/db/client";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { sseStream } from "@/lib/realtime/sse";
import { articlePollDefinitions } from "./definitions";
import { listenToArticlePolls } from "./live";
import { readVotesOf } from "./results";
import { resultsVisible } from "./rules";

export async function articlePollEvents(
  db: Db,
  slug: string,
  voterKey: string | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const defs = await articlePollDefinitions(db, slug);
  if (!defs) throw new NotFound(msg("Api.polls.thereIsNoPublished", { slug: slug.slice(0, 200) }));
  const mine = await readVotesOf(
    db,
    defs.map((d) => d.id),
    voterKey,
  );
  const visible = new Set(defs.filter((d) => resultsVisible(d, mine.has(d.id))).map((d) => d.id));
  return sseStream(
    signal,
    `retry: 5000\nevent: ready\ndata: ${JSON.stringify({ polls: [...visible] })}\n\n`,
    async (send) => {
      // nothing this reader may see moves: the stream stays open (keep-alive) until it ends
      if (visible.size === 0) return () => {};
      return listenToArticlePolls(slug, (e) => {
        if (!visible.has(e.pollId)) return;
        const { pollId, totalVoters, options } = e;
        send(`event: totals\ndata: ${JSON.stringify({ pollId, totalVoters, options })}\n\n`);
      });
    },
  );
}
