import { checkOrigin, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { shortlistComment, unshortlistComment } from "@/lib/followup";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Shortlist an approved comment for the article's "What readers said" block (audited). */
export const POST = handle(async (req: Request, ctx: Ctx) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  return json(await withDb(shortlistComment, (await ctx.params).id, viewer.id));
});

/** Take a comment off the shortlist (audited). */
export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  return json(await withDb(unshortlistComment, (await ctx.params).id, viewer.id));
});
