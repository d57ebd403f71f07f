// Starts this instance's share of notification delivery (from lib/server/boot.ts, after migrations):
// the pg-boss workers and schedules, and the outbox listener that fans events out as soon as they
// commit. The readers whose unread count changed hear it over the realtime bus (live.ts).
import { getDbHandle } from "@/db/client";
import { log } from "@/lib/log";
import { subscribe } from "@/lib/realtime/bus";
import { edge, peekShared, setShared } from "@/server/state.cjs";
import { publishUnread } from "./live";
import { OUTBOX_CHANNEL } from "./outbox";
import { createNotifier, type Notifier } from "./queue";

const NAME = "notifier";
const running = () => peekShared<Promise<Notifier | null>>(NAME);

export function notifierEnabled(): boolean {
  return process.env.AGORA_NOTIFY_WORKERS !== "0";
}

export function startNotifications(): Promise<Notifier | null> {
  const existing = running();
  if (existing) return existing;
  const started = (async () => {
    if (!notifierEnabled()) return null;
    const h = await getDbHandle();
    const n = await createNotifier({
      db: h.db,
      kind: h.kind,
      url: h.url,
      pglite: h.pglite,
      pollingIntervalSeconds: Number(process.env.AGORA_QUEUE_POLL_SECONDS || 2),
      onUnread: (users) => void publishUnread(users),
    });
    await subscribe(OUTBOX_CHANNEL, () => void n.drain());
    // the workers stop before the database closes (server/main.mjs calls the edge's shutdown hook)
    const prev = edge().shutdown;
    edge().shutdown = async () => {
      await n.stop().catch(() => {});
      await prev?.();
    };
    log.info({ db: h.kind }, "notification delivery started (pg-boss)");
    return n;
  })().catch((e) => {
    log.error({ err: (e as Error).message }, "notification delivery could not start");
    setShared(NAME, undefined);
    return null;
  });
  setShared(NAME, started);
  return started;
}

/** The running notifier of this process, if any (tests, admin "send test event"). */
export function currentNotifier(): Promise<Notifier | null> {
  return running() ?? Promise.resolve(null);
}
