import { handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { getRevisions } from "@/lib/comments/read";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Earlier versions of an edited comment, newest first (moderators and admins). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireViewer(req, "moderate");
  const { id } = await ctx.params;
  return json({ id, revisions: await withDb(getRevisions, id) });
});
