import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/admin/ImportPanel";
import { titleFrom } from "@/components/admin/metadata";
import { requirePageViewer } from "@/lib/auth/pages";
import { pageLocale } from "@/lib/i18n/server";
import { listImportJobs, publicJob } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminImports");

export default async function ImportsPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  await requirePageViewer("admin", "/admin/imports");
  const t = await getTranslations("AdminImports");
  const jobs = (await listImportJobs()).map((j) => {
    const p = publicJob(j);
    return { ...p, createdAt: p.createdAt.toISOString(), finishedAt: p.finishedAt?.toISOString() ?? null };
  });
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div className="mt-6">
        <ImportPanel initial={jobs as never} />
      </div>
    </main>
  );
}
