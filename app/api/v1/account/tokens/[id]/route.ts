import { checkOrigin, handle, json } from "@/lib/api/http";
import { revokeToken } from "@/lib/auth/api-tokens";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Revokes one of your tokens (idempotent). Allowed to readers too, so a demoted user can clean up. */
export const DELETE = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "credentials");
  checkOrigin(req);
  const { id } = await ctx.params;
  return json(await withDb(revokeToken, viewer.id, id));
});
