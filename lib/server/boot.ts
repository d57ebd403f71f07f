// Server start-up, run once per process from instrumentation.ts: open the database (refusing a PGlite
// directory held by another process), apply migrations inside this owning process, seed an empty
// database in development, and start cross-instance cache sync. A database that cannot be reached gives
// one clear log line and is retried in the background; /api/health says "down" meanwhile.
import { closeDb, getDbHandle } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";
import { runMigrations } from "@/db/migrate";
import { startCacheSync } from "@/lib/cache";
import { log } from "@/lib/log";
import { startModerationBackground } from "@/lib/moderation/background";
import { startNotifications } from "@/lib/notifications/service";
import { applyRetention } from "@/lib/retention";
import { edge, shared } from "@/server/state.cjs";
import { MissingSecretError, serverSecret } from "./secret";

type BootState = { started?: boolean; ready?: boolean; hooks: Array<() => Promise<void>> };
const state = shared<BootState>("boot", () => ({ hooks: [] }));

/** Later features register start-up work here (e.g. the dev demo admin); run after migrations. */
export function onReady(hook: () => Promise<void>): void {
  state.hooks.push(hook);
}

export function isReady(): boolean {
  return Boolean(state.ready);
}

function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { errors?: Error[] };
  if (err?.code === "ECONNREFUSED") return "connection refused";
  if (err?.errors?.length) return err.errors.map((x) => x.message).join("; ");
  return err?.message?.split("\n")[0] ?? String(e);
}

async function prepare(): Promise<void> {
  const h = await getDbHandle();
  await runMigrations(h);
  if (process.env.NODE_ENV !== "production" || process.env.AGORA_SEED_ON_START === "1") {
    const { seedIfEmpty } = await import("@/lib/articles/seed");
    await seedIfEmpty();
  }
  for (const hook of state.hooks) await hook();
  await startCacheSync();
  await startModerationBackground();
  await startNotifications();
  state.ready = true;
  log.info({ db: h.kind, location: h.location }, "database ready");
  scheduleRetention();
}

const DAY_MS = 86_400_000;

/** Applies the retention period (lib/retention) now and once a day; idempotent across instances. */
function scheduleRetention(): void {
  const run = async () => {
    try {
      const r = await applyRetention((await getDbHandle()).db);
      log.info(r, "retention applied");
    } catch (e) {
      log.warn({ err: describeError(e) }, "retention could not run; retrying in a day");
    }
  };
  void run();
  setInterval(run, DAY_MS).unref();
}

export async function boot(): Promise<void> {
  if (state.started) return;
  state.started = true;
  // server/main.mjs calls this after the last in-flight request on SIGTERM; registered first, so that a
  // SIGTERM during start-up still closes PGlite cleanly and releases its directory
  edge().shutdown = async () => {
    log.info("closing the database");
    await closeDb();
  };
  try {
    serverSecret(); // production: AUTH_SECRET must be set; development: generated into .data/
  } catch (e) {
    if (e instanceof MissingSecretError) {
      console.error(`agora: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  if (
    process.env.NODE_ENV === "production" &&
    /^http:/.test(process.env.AUTH_URL ?? "") &&
    !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]?/.test(process.env.AUTH_URL ?? "")
  )
    log.warn("AUTH_URL is http://: session cookies are not marked Secure; serve the site over https");
  try {
    await prepare();
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      // never share a PGlite directory: refuse to run at all
      console.error(`agora: ${e.message}`);
      process.exit(1);
    }
    const h = await getDbHandle().catch(() => null);
    log.error(
      { db: h?.kind, location: h?.location },
      `database unreachable at start-up (${describeError(e)}); retrying every 5 s, /api/health reports db: down`,
    );
    const retry = setInterval(() => {
      prepare()
        .then(() => clearInterval(retry))
        .catch(() => {});
    }, 5000);
    retry.unref();
  }
}
