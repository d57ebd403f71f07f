import { handle, json } from "@/lib/api/http";
import { getViewer } from "@/lib/auth/viewer";
import { getRevisions } from "@/lib/comments/read";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Earlier versions of an edited comment, newest first: a published one's for everyone, any for moderators. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return json({ id, revisions: await withDb(getRevisions, id, await getViewer(req)) });
});
