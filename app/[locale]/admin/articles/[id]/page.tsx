import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { EndSurgeButton } from "@/components/admin/EndSurgeButton";
import { when } from "@/components/admin/ui";
import { getArticleForEdit, listAuthors } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit article" };

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  await requirePageViewer("admin", `/admin/articles/${id}`);
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
        <Link href="/admin/articles">← Articles</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Edit: {article.title}</h1>
      <p className="mt-1 text-sm">
        <Link href={`/admin/articles/${id}/follow-up`}>What readers said (follow-up block)</Link>
      </p>
      {sp.saved ? (
        <p role="status" className="mt-2 font-medium">
          Article created.
        </p>
      ) : null}
      {surging ? (
        <p className="mt-2 rounded border-2 border-amber-500 p-2">
          Surge mode: premoderated until {when(article.surgeUntil)}.{" "}
          <EndSurgeButton articleId={article.id} title={article.title} />
        </p>
      ) : null}
      <div className="mt-6">
        <ArticleEditor key={article.id} article={article} authors={authors} />
      </div>
    </main>
  );
}
