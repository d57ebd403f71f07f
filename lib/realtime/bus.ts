// Messages that must reach every app instance (cache invalidation, live comments, live poll totals) go
// through PostgreSQL LISTEN/NOTIFY, never through process memory. PGlite supports LISTEN/NOTIFY too
// (within its one process).
import "server-only";
import { randomUUID } from "node:crypto";
import { getDbHandle } from "@/db/client";
import { log } from "@/lib/log";
import { shared } from "@/server/state.cjs";

/** This process's id: lets a listener tell its own messages from other instances'. */
export const INSTANCE_ID: string = shared("instanceId", () => randomUUID());

export type BusHandler = (payload: unknown) => void;

interface BusState {
  handlers: Map<string, Set<BusHandler>>;
  listening: Map<string, Promise<unknown>>;
}
const bus = shared<BusState>("bus", () => ({ handlers: new Map(), listening: new Map() }));

function deliver(channel: string, raw: string) {
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    return;
  }
  for (const h of bus.handlers.get(channel) ?? []) {
    try {
      h(payload);
    } catch (e) {
      log.error({ err: e, channel }, "bus handler failed");
    }
  }
}

async function ensureListening(channel: string): Promise<void> {
  let p = bus.listening.get(channel);
  if (!p) {
    p = (async () => {
      const h = await getDbHandle();
      if (h.kind === "postgres") {
        // postgres.js keeps a dedicated connection for LISTEN and re-listens after reconnecting
        await h.sql!.listen(channel, (raw) => deliver(channel, raw));
      } else {
        await h.pglite!.listen(channel, (raw) => deliver(channel, raw));
      }
    })().catch((e) => {
      bus.listening.delete(channel);
      throw e;
    });
    bus.listening.set(channel, p);
  }
  await p;
}

/** Subscribes to a channel; returns a function that removes the handler. */
export async function subscribe(channel: string, handler: BusHandler): Promise<() => void> {
  let set = bus.handlers.get(channel);
  if (!set) bus.handlers.set(channel, (set = new Set()));
  set.add(handler);
  await ensureListening(channel);
  return () => set!.delete(handler);
}

/** Sends a JSON payload (< 8000 bytes) to every instance listening on the channel. */
export async function publish(channel: string, payload: unknown): Promise<void> {
  const h = await getDbHandle();
  const text = JSON.stringify(payload);
  if (h.kind === "postgres") await h.sql!`select pg_notify(${channel}, ${text})`;
  else await h.pglite!.query("select pg_notify($1, $2)", [channel, text]);
}
