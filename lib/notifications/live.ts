// The bell's live unread count: readers whose count changed are published on the realtime bus
// (PostgreSQL NOTIFY, so every instance hears it); each instance pushes the new count to that reader's
// open event streams (only their own: the stream knows who is signed in).
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { publish, subscribe } from "@/lib/realtime/bus";
import { shared } from "@/server/state.cjs";
import { unreadCount } from "./read";

export const UNREAD_CHANNEL = "agora_notify_unread";

type Listener = (unread: number) => void;
interface UnreadHub {
  byUser: Map<string, Set<Listener>>;
  started?: Promise<unknown>;
}
const hub: UnreadHub = shared("unreadHub", () => ({ byUser: new Map() }));

export async function publishUnread(userIds: string[]): Promise<void> {
  try {
    // NOTIFY payloads stay under 8000 bytes: ~150 ids a message
    for (let i = 0; i < userIds.length; i += 150)
      await publish(UNREAD_CHANNEL, { u: userIds.slice(i, i + 150) });
  } catch (e) {
    log.warn({ err: (e as Error).message }, "unread count not published");
  }
}

async function onMessage(payload: unknown): Promise<void> {
  const ids = (payload as { u?: unknown })?.u;
  if (!Array.isArray(ids)) return;
  for (const id of ids) {
    const ls = typeof id === "string" ? hub.byUser.get(id) : undefined;
    if (!ls?.size) continue;
    const n = await unreadCount(await getDb(), id);
    for (const l of ls) l(n);
  }
}

/** Calls `fn` with the reader's unread count whenever it changes; returns the unsubscribe. */
export async function watchUnread(userId: string, fn: Listener): Promise<() => void> {
  hub.started ??= subscribe(UNREAD_CHANNEL, (p) => void onMessage(p));
  await hub.started;
  let set = hub.byUser.get(userId);
  if (!set) hub.byUser.set(userId, (set = new Set()));
  set.add(fn);
  return () => {
    set!.delete(fn);
    if (!set!.size) hub.byUser.delete(userId);
  };
}

const HEARTBEAT_MS = 20_000;
const MAX_LIFETIME_MS = 10 * 60_000;

/**
 * The bell's Server-Sent-Events stream for one signed-in reader: `event: unread` with {unread} at once
 * and whenever the count changes (any instance; through the realtime bus). Same framing as the comment
 * stream (retry, keep-alive, ten-minute lifetime; the browser reconnects by itself).
 */
export function unreadStream(userId: string, first: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let stop: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let unwatch: (() => void) | undefined;
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
        unwatch?.();
        try {
          controller.close();
        } catch {}
      };
      stop = close;
      const beat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const life = setTimeout(close, MAX_LIFETIME_MS);
      signal.addEventListener("abort", close);
      send(`retry: 5000\nevent: unread\ndata: ${JSON.stringify({ unread: first })}\n\n`);
      const off = await watchUnread(userId, (n) =>
        send(`event: unread\ndata: ${JSON.stringify({ unread: n })}\n\n`),
      ).catch(() => undefined);
      if (!off) return close();
      if (closed) off();
      else unwatch = off;
    },
    cancel() {
      stop?.();
    },
  });
}
