import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { getDb } from "@/db/client";
import { listAuthors } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requirePageViewer("admin", "/admin/articles/new");
  const authors = await listAuthors(await getDb());
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">New article</h1>
      <div className="mt-6">
        <ArticleEditor article={null} authors={authors} />
      </div>
    </main>
  );
}
