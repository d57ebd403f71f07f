import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { listAuthors } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requirePageViewer("admin", "/admin/articles/new");
  const authors = await withDb(listAuthors);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">New article</h1>
      <div className="mt-6">
        <ArticleEditor article={null} authors={authors} />
      </div>
    </main>
  );
}
