import { apiLocale, handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { listQueue, queueQuerySchema } from "@/lib/moderation/queue";

export const dynamic = "force-dynamic";

/** A page of a moderation queue: ?status=pending|reported|rejected|all&cursor=&limit= */
export const GET = handle(async (req: Request) => {
  await requireViewer(req, "moderate");
  const q = readQuery(req, queueQuerySchema);
  return json(await withDb(listQueue, q, apiLocale(req)));
});
