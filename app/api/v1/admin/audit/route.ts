import { handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { auditQuerySchema, listAudit } from "@/lib/moderation/audit";

export const dynamic = "force-dynamic";

/** The audit log, newest first: ?actor=&action=&targetType=&targetId=&cursor=&limit= (read-only). */
export const GET = handle(async (req: Request) => {
  await requireViewer(req, "moderate");
  return json(await withDb(listAudit, readQuery(req, auditQuerySchema)));
});
