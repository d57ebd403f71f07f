import { checkOrigin, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { endSurge } from "@/lib/moderation/surge";

export const dynamic = "force-dynamic";

/** Ends the article's surge mode early. */
export const DELETE = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const { id } = await ctx.params;
  return json(await withDb(endSurge, id, viewer.id));
});
