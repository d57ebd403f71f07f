import { handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { webhookDeliveries } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The endpoint's delivery log, newest first: status, attempts, response code, time, error. */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  await requireViewer(req, "admin");
  const { id } = await ctx.params;
  return json({ deliveries: await webhookDeliveries(id) });
});
