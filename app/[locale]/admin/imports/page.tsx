import { ImportPanel } from "@/components/admin/ImportPanel";
import { requirePageViewer } from "@/lib/auth/pages";
import { listImportJobs, publicJob } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import & export" };

export default async function ImportsPage() {
  await requirePageViewer("admin", "/admin/imports");
  const jobs = (await listImportJobs()).map((j) => {
    const p = publicJob(j);
    return { ...p, createdAt: p.createdAt.toISOString(), finishedAt: p.finishedAt?.toISOString() ?? null };
  });
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Import &amp; export</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Importing the same file again adds nothing; a newer export adds only what is new.
      </p>
      <div className="mt-6">
        <ImportPanel initial={jobs as never} />
      </div>
    </main>
  );
}
