// One Server-Sent-Events stream, framed the same way for every live feed (an article's comments, a
// reader's unread count): the first message at once, a keep-alive comment every 20 s, a ten-minute
// lifetime (the browser reconnects by itself), and the source unsubscribed when the stream ends for any
// reason (client gone, lifetime over, the source failing to start).
const HEARTBEAT_MS = 20_000;
const MAX_LIFETIME_MS = 10 * 60_000;

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
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          close();
        }
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
      const beat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const life = setTimeout(close, MAX_LIFETIME_MS);
      signal.addEventListener("abort", close);
      send(first);
      const off = await subscribe(send).catch(() => undefined);
      if (!off) return close();
      if (closed) off();
      else unsubscribe = off;
    },
    cancel() {
      stop?.();
    },
  });
}
