// POST /api/v1/admin/imports?format=disqus|wordpress&name=FILE (body: the export file) → 202 {job};
// GET → the last 20 imports with their progress (lib/import/jobs.ts).
import { checkOrigin, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { listImportJobs, publicJob, startImportJob } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json({ jobs: (await listImportJobs()).map(publicJob) });
});

export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const q = new URL(req.url).searchParams;
  const job = await startImportJob({
    format: q.get("format"),
    fileName: q.get("name"),
    body: req.body,
    userId: viewer.id,
  });
  return json({ job: publicJob(job) }, { status: 202 });
});
