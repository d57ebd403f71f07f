import { getDb } from "@/db/client";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { roleInput, setUserRole } from "@/lib/auth/user-admin";

export const dynamic = "force-dynamic";

/** {role: reader|moderator|admin} — admins only; the user's sessions end. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  checkOrigin(req);
  const actor = await requireViewer(req, "admin");
  const input = await readBody(req, roleInput);
  const { id } = await ctx.params;
  return json({ user: await setUserRole(await getDb(), actor, id, input) });
});
