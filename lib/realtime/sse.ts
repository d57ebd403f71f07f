// The one home of the live-stream rules (Server-Sent Events): every stream of the app (an article's
// comments, its poll totals, a reader's unread count) is made here, framed the same way:
//  - the source is subscribed FIRST and the first message sent after, so a client that has seen the
//    stream open (the browser's `open` event: Next sends the headers with the first chunk) misses no
//    event (the comment section's data-live="connected", which tests wait for, means "listening");
//  - a `: keep-alive` comment whenever the stream was silent for AGORA_SSE_KEEPALIVE_SECONDS (default
//    25), so proxies never close an idle stream;
//  - a maximum lifetime, AGORA_SSE_MAX_SECONDS (default 600): the stream then ends and the browser's
//    EventSource reconnects by itself (each stream sends `retry:`), so no connection lives forever;
//  - the source unsubscribed when the stream ends for any reason (client gone, lifetime over, the source
//    failing to start).
// The edge (server/streams.cjs) only caps the number of open streams per network, before the route runs.
const envSeconds = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return (Number.isFinite(v) && v > 0 ? v : fallback) * 1000;
};
const KEEPALIVE_MS = envSeconds("AGORA_SSE_KEEPALIVE_SECONDS", 25);
const MAX_LIFETIME_MS = envSeconds("AGORA_SSE_MAX_SECONDS", 600);

/** The response headers of every stream (no caching, no compression, no proxy buffering). */
export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store, no-transform",
  "x-accel-buffering": "no",
} as const;

/** A route's answer for a stream made by sseStream. */
export function sseResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, { headers: SSE_HEADERS });
}

/** `subscribe(send)` starts the source and answers its unsubscribe; undefined (or a failure) closes. */
export type SseSource = (send: (text: string) => void) => Promise<(() => void) | undefined>;

export function sseStream(
  signal: AbortSignal,
  first: string,
  subscribe: SseSource,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let stop: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let unsubscribe: (() => void) | undefined;
      let lastSent = Date.now();
      // events that arrive while the first message waits for the subscription are sent after it
      let held: string[] | null = [];
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
          lastSent = Date.now();
        } catch {
          close();
        }
      };
      const send = (text: string) => {
        if (held) held.push(text);
        else write(text);
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(beat);
        clearTimeout(life);
        unsubscribe?.();
        try {
          controller.close();
        } catch {}
      };
      stop = close;
      const beat = setInterval(
        () => {
          if (!held && Date.now() - lastSent >= KEEPALIVE_MS) write(": keep-alive\n\n");
        },
        Math.min(KEEPALIVE_MS, 5000),
      );
      const life = setTimeout(close, MAX_LIFETIME_MS);
      beat.unref?.();
      life.unref?.();
      signal.addEventListener("abort", close);
      if (signal.aborted) return close();
      const off = await subscribe(send).catch(() => undefined);
      if (!off) return close();
      if (closed) return off();
      unsubscribe = off;
      write(first);
      const waiting = held;
      held = null;
      for (const text of waiting) write(text);
    },
    cancel() {
      stop?.();
    },
  });
}
