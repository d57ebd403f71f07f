// Live comment updates. Writers publish small events over PostgreSQL NOTIFY (lib/realtime/bus), so
// every app instance hears them; each instance loads a new or changed comment once and fans it out to
// its own Server-Sent-Events connections for that article.
import "server-only";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { publish, subscribe } from "@/lib/realtime/bus";
import { sseStream } from "@/lib/realtime/sse";
import { shared } from "@/server/state.cjs";
import { findCommentRow } from "./queries";
import { toPublic } from "./tree";
import type { PublicComment } from "./types";

export const COMMENTS_CHANNEL = "agora_comments";

export type CommentEvent =
  | { kind: "new" | "update"; slug: string; id: string }
  | { kind: "score"; slug: string; id: string; score: number; upvotes: number; downvotes: number };

/** What an SSE client receives. */
export type StreamEvent =
  | { type: "comment"; comment: PublicComment }
  | { type: "update"; comment: PublicComment }
  /** no longer public (e.g. rejected by a moderator): shown as [deleted] where it is */
  | { type: "removed"; id: string }
  | { type: "score"; id: string; score: number; upvotes: number; downvotes: number };

export async function publishCommentEvent(e: CommentEvent): Promise<void> {
  try {
    await publish(COMMENTS_CHANNEL, e);
  } catch (err) {
    log.warn({ err: (err as Error).message, event: e.kind }, "live comment event not sent");
  }
}

type Listener = (e: StreamEvent) => void;
interface Hub {
  bySlug: Map<string, Set<Listener>>;
  started?: Promise<unknown>;
}
const hub = shared<Hub>("commentHub", () => ({ bySlug: new Map() }));

async function onEvent(payload: unknown): Promise<void> {
  const e = payload as CommentEvent;
  if (!e || typeof e.slug !== "string" || typeof e.id !== "string") return;
  const listeners = hub.bySlug.get(e.slug);
  if (!listeners?.size) return;
  let out: StreamEvent;
  if (e.kind === "score") {
    out = { type: "score", id: e.id, score: e.score, upvotes: e.upvotes, downvotes: e.downvotes };
  } else {
    const row = await findCommentRow(await getDb(), e.id);
    const isPublic = row && (row.status === "approved" || row.status === "deleted");
    if (!isPublic) {
      if (e.kind !== "update") return;
      out = { type: "removed", id: e.id };
    } else out = { type: e.kind === "new" ? "comment" : "update", comment: toPublic(row, e.slug) };
  }
  for (const l of listeners) l(out);
}

function ensureListening(): Promise<unknown> {
  hub.started ??= subscribe(COMMENTS_CHANNEL, (p) => {
    onEvent(p).catch((err) => log.warn({ err: (err as Error).message }, "live comment event failed"));
  }).catch((err) => {
    hub.started = undefined;
    throw err;
  });
  return hub.started;
}

/** Listens for one article's events until the returned function is called. */
export async function listen(slug: string, l: Listener): Promise<() => void> {
  await ensureListening();
  let set = hub.bySlug.get(slug);
  if (!set) hub.bySlug.set(slug, (set = new Set()));
  set.add(l);
  return () => {
    set!.delete(l);
    if (set!.size === 0) hub.bySlug.delete(slug);
  };
}

/** A Server-Sent-Events stream of one article's comment events (the client reconnects by itself). */
export function eventStream(slug: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  return sseStream(signal, "retry: 3000\n: connected\n\n", (send) =>
    listen(slug, (e) => send(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`)),
  );
}
