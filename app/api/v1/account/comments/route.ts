import { apiLocale, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { listOwnComments } from "@/lib/moderation/author-view";

export const dynamic = "force-dynamic";

/** Your latest comments with their moderation outcome and whether you may appeal. */
export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "account");
  return json({ items: await withDb(listOwnComments, viewer.id, apiLocale(req)) });
});
