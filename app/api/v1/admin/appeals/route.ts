import { z } from "zod";
import { apiLocale, handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { listAppeals } from "@/lib/moderation/appeals";

export const dynamic = "force-dynamic";

const query = z.object({
  status: z.enum(["open", "decided"], { error: "must be open or decided" }).default("open"),
  cursor: z.string().max(200).optional(),
});

export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  const q = readQuery(req, query);
  return json(await withDb(listAppeals, { ...q, viewerId: viewer.id, locale: apiLocale(req) }));
});
