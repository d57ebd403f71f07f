import { getDb } from "@/db/client";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { setUserStatus, statusInput } from "@/lib/auth/user-admin";

export const dynamic = "force-dynamic";

/** {status: active|suspended|banned, until?, note?} — moderators and admins; a ban ends the sessions. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  checkOrigin(req);
  const actor = await requireViewer(req, "moderate");
  const input = await readBody(req, statusInput);
  const { id } = await ctx.params;
  return json({ user: await setUserStatus(await getDb(), actor, id, input) });
});
