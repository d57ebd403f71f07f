// GET /api/v1/admin/imports/{id} → {job}: status, bytes read of total, the running report.
import { handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { getImportJob, publicJob } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireViewer(req, "admin");
  return json({ job: publicJob(await getImportJob((await ctx.params).id)) });
});
