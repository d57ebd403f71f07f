import { getDb } from "@/db/client";
import { handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { failedJobs } from "@/lib/notifications/admin";

export const dynamic = "force-dynamic";

/** Failed delivery jobs (mail, webhooks, digests) with their error: {count, jobs}. */
export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json(await failedJobs(await getDb()));
});
