import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { bulkDecisionSchema, decideComments } from "@/lib/moderation/decisions";

export const dynamic = "force-dynamic";

/** The same decision on up to 100 comments: {ids: [...], action, reason?}; one result per id. */
export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const input = await readBody(req, bulkDecisionSchema);
  return json({ results: await withDb(decideComments, input, viewer.id) });
});
