import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { webhookDelete, webhookUpdate } from "@/lib/notifications/api";
import { webhookPatch } from "@/lib/notifications/webhooks";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** {url?, events?, name?, active?}: active=true re-enables an endpoint that was disabled after failures. */
export const PATCH = handle(async (req: Request, ctx: Ctx) => {
  await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  return json({ webhook: await webhookUpdate(id, await readBody(req, webhookPatch)) });
});

export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  await webhookDelete(id);
  return json({ deleted: true });
});
