import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FollowUpEditor } from "@/components/admin/FollowUpEditor";
import { titleFrom } from "@/components/admin/metadata";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { findArticleHeader, listShortlist, readFollowUp } from "@/lib/followup";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminFollowUpPage");

export default async function FollowUpPage({ params }: { params: Promise<{ id: string; locale: string }> }) {
  await pageLocale(params);
  const { id } = await params;
  await requirePageViewer("moderate", `/admin/articles/${id}/follow-up`);
  const t = await getTranslations("AdminFollowUpPage");
  const article = await withDb(findArticleHeader, id);
  if (!article) notFound();
  const [followUp, shortlist] = await Promise.all([
    withDb(readFollowUp, id, { includeDraft: true }),
    withDb(listShortlist, id),
  ]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href="/admin/queue">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("heading", { title: article.title })}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <FollowUpEditor
        articleId={article.id}
        slug={article.slug}
        text={followUp?.text ?? ""}
        chosen={followUp?.quotes.map((q) => q.id) ?? []}
        published={followUp?.published ?? false}
        shortlist={shortlist}
      />
    </main>
  );
}
