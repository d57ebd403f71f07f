import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { webhookCreate, webhooksList } from "@/lib/notifications/api";
import { webhookInput } from "@/lib/notifications/webhooks";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json({ webhooks: await webhooksList() });
});

/** {url, events, secret?, name?}: 201 with the endpoint and its secret (shown once). */
export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const input = await readBody(req, webhookInput);
  return json({ webhook: await webhookCreate(input, viewer.id) }, { status: 201 });
});
