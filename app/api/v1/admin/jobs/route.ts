import { handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { failedDeliveryJobs } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

/** Failed delivery jobs (mail, webhooks, digests) with their error: {count, jobs}. */
export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json(await failedDeliveryJobs());
});
