import { apiLocale, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { getUserDetail } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "moderate");
  const { id } = await ctx.params;
  return json(await withDb(getUserDetail, id, viewer, apiLocale(req)));
});
