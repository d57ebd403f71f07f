import Link from "next/link";
import { StatusBadge, when } from "@/components/admin/ui";
import { TableScroll } from "@/components/ui/TableScroll";
import { listArticlesAdmin } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "Articles" };

export default async function ArticlesAdminPage() {
  await requirePageViewer("admin", "/admin/articles");
  const rows = await withDb(listArticlesAdmin);
  const now = Date.now();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Articles</h1>
        <Link
          href="/admin/articles/new"
          className="rounded bg-blue-700 px-3 py-1 font-semibold text-white no-underline"
        >
          New article
        </Link>
      </div>
      <TableScroll label="Articles" className="mt-6">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">Articles, most recently changed first</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Published</th>
              <th scope="col">Comments</th>
              <th scope="col">Moderation</th>
              <th scope="col">Author</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 text-start font-normal">
                  <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                </th>
                <td>
                  <StatusBadge status={a.status} />
                  {a.status === "published" && a.publishedAt && Date.parse(a.publishedAt) > now
                    ? " (scheduled)"
                    : ""}
                </td>
                <td>{when(a.publishedAt)}</td>
                <td>
                  {a.commentCount} · {a.commentsOpen ? "open" : "closed"}
                </td>
                <td>{a.surgeUntil ? `surge until ${when(a.surgeUntil)}` : a.moderationMode}</td>
                <td>{a.authorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </main>
  );
}
