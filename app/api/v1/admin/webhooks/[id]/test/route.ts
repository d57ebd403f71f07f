import { checkOrigin, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { webhookTest } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** "Send test event": queues a signed `test` delivery to this endpoint; see its delivery log. */
export const POST = handle(async (req: Request, ctx: Ctx) => {
  await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  return json({ deliveryId: await webhookTest(id) }, { status: 202 });
});
