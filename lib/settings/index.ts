// Typed site settings (lib/settings/schema.ts) stored in the `settings` table, one key per row.
// Reads are cached in-process for a few seconds; a change is announced over the realtime bus
// (PostgreSQL NOTIFY) so every instance drops its copy at once.
import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { settings as settingsTable } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { fieldText, zodIssueText } from "@/lib/i18n/text";
import { log } from "@/lib/log";
import { recordAction } from "@/lib/moderation/audit";
import { publish, subscribe } from "@/lib/realtime/bus";
import { shared } from "@/server/state.cjs";
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  type SettingsPatch,
  settingsSchema,
  settingsShape,
} from "./schema";

export type { Settings, SettingsPatch } from "./schema";
export { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from "./schema";

export const SETTINGS_CHANNEL = "agora_settings";
const TTL_MS = 5000;

interface SettingsState {
  cache: WeakMap<Db, { at: number; value: Settings }>;
  syncing?: Promise<unknown>;
}
const state = shared<SettingsState>("settings", () => ({ cache: new WeakMap() }));

/** Drops every cached copy in this process. */
export function invalidateSettingsCache(): void {
  state.cache = new WeakMap();
}

/** Started once per server process: another instance's change drops this one's cache. */
export function startSettingsSync(): Promise<unknown> {
  state.syncing ??= subscribe(SETTINGS_CHANNEL, () => invalidateSettingsCache()).catch((e) => {
    state.syncing = undefined;
    log.warn({ err: (e as Error).message }, "settings sync could not subscribe");
  });
  return state.syncing;
}

/** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.select().from(settingsTable).where(inArray(settingsTable.key, SETTING_KEYS));
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const schema = settingsShape[row.key as SettingKey];
    const r = schema.safeParse(row.value);
    if (r.success) out[row.key] = r.data;
    else log.warn({ key: row.key }, "stored setting is invalid; using its default");
  }
  const whole = settingsSchema.safeParse(out);
  return whole.success ? whole.data : { ...DEFAULT_SETTINGS };
}

export async function getSettings(db: Db): Promise<Settings> {
  const hit = state.cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = await readSettings(db);
  state.cache.set(db, { at: Date.now(), value });
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describeChange(before: unknown, after: unknown): Record<string, unknown> {
  if (Array.isArray(before) && Array.isArray(after)) {
    const b = new Set(before as string[]);
    const a = new Set(after as string[]);
    return {
      added: (after as string[]).filter((w) => !b.has(w)),
      removed: (before as string[]).filter((w) => !a.has(w)),
    };
  }
  return { from: before, to: after };
}

/**
 * Applies a validated partial update. The merged whole is validated again (cross-field rules such as
 * max length ≥ min length); on any problem nothing is stored. Writes one audit row listing the changes.
 */
export async function updateSettings(db: Db, patch: SettingsPatch, actorId: string): Promise<Settings> {
  const current = await readSettings(db);
  const merged = { ...current, ...patch };
  const r = settingsSchema.safeParse(merged);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = ["settings", ...issue.path.map(String)].join(".");
    throw new Invalid(field, fieldText(field, zodIssueText(issue)));
  }
  const next = r.data;
  const changed = SETTING_KEYS.filter((k) => !same(current[k], next[k]));
  if (changed.length) {
    await db.transaction(async (tx) => {
      for (const key of changed) {
        await tx
          .insert(settingsTable)
          .values({ key, value: next[key], updatedBy: actorId })
          .onConflictDoUpdate({
            target: settingsTable.key,
            set: { value: next[key], updatedBy: actorId, updatedAt: new Date() },
          });
      }
      await recordAction(tx, {
        actorId,
        action: "settings.update",
        targetType: "settings",
        targetId: "site",
        details: Object.fromEntries(changed.map((k) => [k, describeChange(current[k], next[k])])),
      });
    });
    invalidateSettingsCache();
    if (state.syncing) await publish(SETTINGS_CHANNEL, { keys: changed }).catch(() => {});
  }
  return next;
}
