// Per-process background work of moderation and publishing, started once at server start-up
// (lib/server/boot.ts): settings changes from other instances, and scheduled articles going live.
import { startPublishScheduler } from "@/lib/articles/schedule";
import { startSettingsSync } from "@/lib/settings";

export async function startModerationBackground(): Promise<void> {
  await startSettingsSync();
  startPublishScheduler();
}
