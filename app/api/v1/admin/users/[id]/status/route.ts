import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { setUserStatus, userStatusSchema } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";

/** {status: active|suspended|banned, until?, note?}: suspend needs `until`; a ban ends the user's sessions. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const { id } = await ctx.params;
  const input = await readBody(req, userStatusSchema);
  return json(await withDb(setUserStatus, id, input, viewer));
});
