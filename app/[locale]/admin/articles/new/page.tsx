import { getTranslations } from "next-intl/server";
import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { titleFrom } from "@/components/admin/metadata";
import { listAuthors } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminNewArticle");

export default async function NewArticlePage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  await requirePageViewer("admin", "/admin/articles/new");
  const t = await getTranslations("AdminNewArticle");
  const authors = await withDb(listAuthors);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <div className="mt-6">
        <ArticleEditor article={null} authors={authors} />
      </div>
    </main>
  );
}
