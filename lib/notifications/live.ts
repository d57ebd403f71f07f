// The bell's live unread count: readers whose count changed are published on the realtime bus
// (PostgreSQL NOTIFY, so every instance hears it); each instance pushes the new count to that reader's
// open event streams (only their own: the stream knows who is signed in).
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { publish, subscribe } from "@/lib/realtime/bus";
import { sseStream } from "@/lib/realtime/sse";
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

/**
 * The bell's Server-Sent-Events stream for one signed-in reader: `event: unread` with {unread} at once
 * and whenever the count changes (any instance; through the realtime bus). Same framing as the comment
 * stream (retry, keep-alive, ten-minute lifetime; the browser reconnects by itself).
 */
export function unreadStream(userId: string, first: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  return sseStream(
    signal,
    `retry: 5000\nevent: unread\ndata: ${JSON.stringify({ unread: first })}\n\n`,
    (send) => watchUnread(userId, (n) => send(`event: unread\ndata: ${JSON.stringify({ unread: n })}\n\n`)),
  );
}
