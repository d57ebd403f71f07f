// A reader's public profile. Cached; invalidated by the reader's tag (handle change, hiding) and when any
// article's comments change. A hidden profile is 404 here; staff see it at /admin/readers/{handle}.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReaderProfileView } from "@/components/discovery/ReaderProfile";
import { getReaderProfile } from "@/lib/discovery/cached";
import { pageLocale } from "@/lib/i18n/server";

export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; handle: string; n?: string }> };

async function loadProfile(params: Props["params"]) {
  const { handle, n } = await params;
  const page = n === undefined ? 1 : /^[1-9]\d{0,3}$/.test(n) ? Number(n) : 0;
  if (!page || (page === 1 && n !== undefined)) return null;
  return getReaderProfile(handle.toLowerCase(), page);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "ReaderPage" });
  const p = await loadProfile(params);
  if (!p) return { title: t("notFound") };
  return {
    title: `${p.name} (@${p.handle})`,
    description: t("description", { name: p.name }),
    alternates: { canonical: `/readers/${p.handle}${p.page > 1 ? `/page/${p.page}` : ""}` },
  };
}

export default async function ReaderPage({ params }: Props) {
  await pageLocale(params);
  const p = await loadProfile(params);
  if (!p || (p.page > 1 && p.page > p.pages)) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <ReaderProfileView profile={p} basePath={`/readers/${p.handle}`} />
    </main>
  );
}
