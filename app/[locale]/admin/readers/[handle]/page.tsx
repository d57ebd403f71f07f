// Staff see a reader's profile even when the reader hid it from the public.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { ReaderProfileView } from "@/components/discovery/ReaderProfile";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { findReaderProfile } from "@/lib/profiles/profile";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminReader");

export default async function AdminReaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ handle: string; locale: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  await pageLocale(params);
  const { handle } = await params;
  const t = await getTranslations("AdminReader");
  await requirePageViewer("moderate", `/admin/readers/${handle}`);
  const n = Number((await searchParams).page ?? 1);
  const p = await withDb(findReaderProfile, handle, Number.isInteger(n) ? n : 1, {
    includeHidden: true,
  });
  if (!p) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href={`/admin/users/${p.userId}`}>{t("back")}</Link>
      </p>
      {p.hidden ? (
        <p
          role="note"
          className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {t("hidden")}
        </p>
      ) : null}
      <ReaderProfileView profile={p} basePath={`/admin/readers/${p.handle}`} pageQuery />
    </main>
  );
}
