import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { reportComment, reportInput } from "@/lib/comments/reports";
import { withDb } from "@/lib/db";
import { consume } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** Reports a comment to the moderators (one report per reader per comment): 201 {id, commentId}. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "report");
  const { id } = await ctx.params;
  const input = await readBody(req, reportInput);
  await consume("report_user", viewer.id);
  return json(await withDb(reportComment, viewer, id, input), { status: 201 });
});
