import { z } from "zod";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { readSettings, settingsPatchSchema, updateSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

const putSchema = z.object({ settings: settingsPatchSchema }, { error: 'send {"settings": {...}}' }).strict();

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json({ settings: await withDb(readSettings) });
});

/** Whole or partial: only the keys sent change; an invalid value changes nothing (422 naming the field). */
export const PUT = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const { settings } = await readBody(req, putSchema);
  return json({ settings: await withDb(updateSettings, settings, viewer.id) });
});
