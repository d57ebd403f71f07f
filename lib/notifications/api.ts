// The notification operations as the route layer calls them: each opens the process's database itself,
// so that app/ never imports db/ (DESIGN: app -> lib -> db).
import type { z } from "zod";
import { getDb } from "@/db/client";
import { failedJobs, queueTestDelivery } from "./admin";
import { suggestHandles } from "./mentions";
import { type NotifyPrefs, readPrefs, writePrefs } from "./prefs";
import {
  applyUnsubscribe,
  isFollowing,
  listNotifications,
  type listQuery,
  markRead,
  type markReadInput,
  setFollow,
  unreadCount,
} from "./read";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
  type webhookInput,
  type webhookPatch,
} from "./webhooks";

export const notificationsOf = async (userId: string, q: z.infer<typeof listQuery>, locale?: string) =>
  listNotifications(await getDb(), userId, q, locale);
export const markReadFor = async (userId: string, input: z.infer<typeof markReadInput>) =>
  markRead(await getDb(), userId, input);
export const unreadOf = async (userId: string) => unreadCount(await getDb(), userId);
export const unsubscribeWith = async (token: string, value: "off" | "immediately") =>
  applyUnsubscribe(await getDb(), token, value);
export const followState = async (userId: string, commentId: string) =>
  isFollowing(await getDb(), userId, commentId);
export const followThread = async (userId: string, commentId: string, follow: boolean) =>
  setFollow(await getDb(), userId, commentId, follow);
export const mentionSuggestions = async (prefix: string) => suggestHandles(await getDb(), prefix);
export const prefsOf = async (userId: string) => readPrefs(await getDb(), userId);
export const savePrefs = async (userId: string, patch: Partial<NotifyPrefs>) =>
  writePrefs(await getDb(), userId, patch);
export const webhooksList = async () => listWebhooks(await getDb());
export const webhookCreate = async (input: z.infer<typeof webhookInput>, actorId: string) =>
  createWebhook(await getDb(), input, actorId);
export const webhookUpdate = async (id: string, patch: z.infer<typeof webhookPatch>) =>
  updateWebhook(await getDb(), id, patch);
export const webhookDelete = async (id: string) => deleteWebhook(await getDb(), id);
export const webhookDeliveries = async (id: string) => listDeliveries(await getDb(), id);
export const webhookTest = async (id: string) => queueTestDelivery(await getDb(), id);
export const failedDeliveryJobs = async () => failedJobs(await getDb());
