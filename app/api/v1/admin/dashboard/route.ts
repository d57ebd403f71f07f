import { handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { getDashboard } from "@/lib/moderation/dashboard";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "moderate");
  return json(await withDb(getDashboard));
});
