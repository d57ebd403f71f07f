// The live-stream rules, in their one home (lib/realtime/sse.ts): the first byte only once the source
// listens (so a client that saw the stream open misses nothing), a keep-alive when silent, a maximum
// lifetime, and the source unsubscribed whenever the stream ends. Timers run on vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SSE_HEADERS, sseResponse, sseStream } from "@/lib/realtime/sse";

const dec = new TextDecoder();

/** Reads the stream as it comes: `got.text` so far, `got.done` once it ended. */
function collect(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const got = { text: "", done: false };
  void (async () => {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      got.text += dec.decode(r.value);
    }
    got.done = true;
  })();
  return { got, cancel: () => reader.cancel() };
}

/** Lets every pending promise settle (one turn of the event loop; the fake clock does not move). */
const settle = () => new Promise((r) => setImmediate(r));

describe("sseStream", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the first message once the source listens, then what arrived meanwhile", async () => {
    let listen!: () => void;
    const listening = new Promise<void>((r) => (listen = r));
    const unsubscribe = vi.fn();
    const stream = sseStream(new AbortController().signal, "retry: 3000\n: connected\n\n", async (send) => {
      send("event: early\ndata: 1\n\n"); // an event while the subscription is being set up
      await listening;
      return unsubscribe;
    });
    const { got, cancel } = collect(stream);
    await settle();
    expect(got.text).toBe(""); // not a byte (so no headers either) before the source listens
    listen();
    await settle();
    expect(got.text).toBe("retry: 3000\n: connected\n\nevent: early\ndata: 1\n\n");
    await cancel();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it("keeps a silent stream alive, ends it at its lifetime and unsubscribes", async () => {
    const unsubscribe = vi.fn();
    const stream = sseStream(new AbortController().signal, ": connected\n\n", async () => unsubscribe);
    const { got } = collect(stream);
    await settle();
    expect(got.text).toBe(": connected\n\n");
    await vi.advanceTimersByTimeAsync(24_000);
    await settle();
    expect(got.text).not.toContain("keep-alive"); // silent for less than 25 s
    await vi.advanceTimersByTimeAsync(6_000);
    await settle();
    expect(got.text).toContain(": keep-alive\n\n");
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(got.done).toBe(true); // ten minutes: the stream ends, the browser reconnects
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it("ends when the client goes away, and when the source cannot start", async () => {
    const ctrl = new AbortController();
    const unsubscribe = vi.fn();
    const { got } = collect(sseStream(ctrl.signal, ": connected\n\n", async () => unsubscribe));
    await settle();
    ctrl.abort();
    await settle();
    expect(got.done).toBe(true);
    expect(unsubscribe).toHaveBeenCalledTimes(1);

    const failed = collect(
      sseStream(new AbortController().signal, ": connected\n\n", async () => {
        throw new Error("LISTEN failed");
      }),
    );
    await settle();
    expect(failed.got).toEqual({ text: "", done: true });
  });

  it("answers with the stream headers", () => {
    const r = sseResponse(new ReadableStream());
    expect(Object.fromEntries(r.headers)).toEqual(SSE_HEADERS);
  });
});
