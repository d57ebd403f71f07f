import { z } from "zod";
import { getDb } from "@/db/client";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { readSettings, settingsPatchSchema, updateSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

const putSchema = z.object({ settings: settingsPatchSchema }, { error: 'send {"settings": {...}}' }).strict();

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json({ settings: await readSettings(await getDb()) });
});

/** Whole or partial: only the keys sent change; an invalid value changes nothing (422 naming the field). */
export const PUT = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const { settings } = await readBody(req, putSchema);
  return json({ settings: await updateSettings(await getDb(), settings, viewer.id) });
});
