import { z } from "zod";
import { checkOrigin, handle, json, readBody, readJson, validate } from "@/lib/api/http";
import { profileInput, updateProfile } from "@/lib/auth/account";
import { deleteAccount, deleteInput } from "@/lib/auth/account-deletion";
import { meView } from "@/lib/auth/me";
import { requireViewer } from "@/lib/auth/permissions";
import { clearSessionCookies } from "@/lib/auth/sessions";
import { withDb } from "@/lib/db";
import { prefsOf, savePrefs } from "@/lib/notifications/api";
import { notifyPrefsInput } from "@/lib/notifications/prefs";

export const dynamic = "force-dynamic";

export const GET = handle(async (req) => {
  const viewer = await requireViewer(req, "account");
  return json({ ...meView(viewer), notify: await prefsOf(viewer.id) });
});

const notifyOnly = z.object({ notify: notifyPrefsInput }).strict();

/** {name?, showPollTag?, notify?: {replies?, mentions?, decisions?, follows?}} */
export const PATCH = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const raw = await readJson(req);
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "notify" in raw) {
    const { notify, ...rest } = raw as Record<string, unknown>;
    const profile = Object.keys(rest).length ? validate(profileInput, rest) : null;
    const prefs = validate(notifyOnly, { notify }).notify;
    const out = profile ? await withDb(updateProfile, viewer, profile) : {};
    return json({ ...out, notify: await savePrefs(viewer.id, prefs) });
  }
  return json(await withDb(updateProfile, viewer, validate(profileInput, raw)));
});

/** {confirm: "delete my account", comments: "keep" | "remove"}; the session ends with the account. */
export const DELETE = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "credentials");
  const input = await readBody(req, deleteInput);
  const res = json({ deleted: true, ...(await withDb(deleteAccount, viewer, input)) });
  for (const c of clearSessionCookies(req)) res.headers.append("set-cookie", c);
  return res;
});
