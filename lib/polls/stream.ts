// The server-sent event stream of an article's live poll totals, for one reader: only the polls whose
// results this reader may see (decided when the stream opens; the page reopens it after the reader
// votes). Events: "totals" with {pollId, totalVoters, options: [{id, count, percent}]}; a comment line
// every 25 s keeps proxies from closing an idle stream.
import type { Db } from "@/db/client";
import { NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { articlePollDefinitions } from "./definitions";
import { listenToArticlePolls } from "./live";
import { readVotesOf } from "./results";
import { resultsVisible } from "./rules";

const PING_MS = 25_000;

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
  const enc = new TextEncoder();
  let stop: (() => void) | undefined;
  let ping: NodeJS.Timeout | undefined;
  let closed = false;
  const cleanup = () => {
    closed = true;
    stop?.();
    if (ping) clearInterval(ping);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: 5000\nevent: ready\ndata: ${JSON.stringify({ polls: [...visible] })}\n\n`);
      signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      if (signal.aborted || visible.size === 0) return;
      stop = await listenToArticlePolls(slug, (e) => {
        if (!visible.has(e.pollId)) return;
        const { pollId, totalVoters, options } = e;
        send(`event: totals\ndata: ${JSON.stringify({ pollId, totalVoters, options })}\n\n`);
      });
      if (closed) stop();
      ping = setInterval(() => send(": ping\n\n"), PING_MS);
      ping.unref?.();
    },
    cancel() {
      cleanup();
    },
  });
}
