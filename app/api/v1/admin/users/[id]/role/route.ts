import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { setUserRole, userRoleSchema } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";

/** {role: reader|moderator|admin} — administrators only. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  const { role } = await readBody(req, userRoleSchema);
  return json(await withDb(setUserRole, id, role, viewer));
});
