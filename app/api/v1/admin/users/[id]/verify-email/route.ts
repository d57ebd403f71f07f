import { checkOrigin, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { markEmailVerified } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";

/** Marks the account's e-mail address as verified — administrators only; audited. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  return json(await withDb(markEmailVerified, id, viewer));
});
