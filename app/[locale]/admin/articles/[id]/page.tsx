import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { EndSurgeButton } from "@/components/admin/EndSurgeButton";
import { titleFrom } from "@/components/admin/metadata";
import { when } from "@/components/admin/ui";
import { getArticleForEdit, listAuthors } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminEditArticle");

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await pageLocale(params);
  const { id } = await params;
  await requirePageViewer("admin", `/admin/articles/${id}`);
  const t = await getTranslations("AdminEditArticle");
  const f = await getFormatter();
  const sp = await searchParams;
  const article = await withDb(getArticleForEdit, id).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const authors = await withDb(listAuthors);
  const surging = article.surgeUntil && Date.parse(article.surgeUntil) > Date.now();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link href="/admin/articles">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("heading", { title: article.title })}</h1>
      <p className="mt-1 text-sm">
        <Link href={`/admin/articles/${id}/follow-up`}>{t("followUp")}</Link>
      </p>
      {sp.saved ? (
        <p role="status" className="mt-2 font-medium">
          {t("created")}
        </p>
      ) : null}
      {surging ? (
        <p className="mt-2 rounded border-2 border-amber-500 p-2">
          {t("surge", { when: when(f, article.surgeUntil) })}{" "}
          <EndSurgeButton articleId={article.id} title={article.title} />
        </p>
      ) : null}
      <div className="mt-6">
        <ArticleEditor key={article.id} article={article} authors={authors} />
      </div>
    </main>
  );
}
