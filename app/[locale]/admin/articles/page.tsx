import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { StatusBadge, when } from "@/components/admin/ui";
import { TableScroll } from "@/components/ui/TableScroll";
import { listArticlesAdmin } from "@/lib/articles/editor";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminArticles");

export default async function ArticlesAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  await requirePageViewer("admin", "/admin/articles");
  const t = await getTranslations("AdminArticles");
  const f = await getFormatter();
  const rows = await withDb(listArticlesAdmin);
  const now = Date.now();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link
          href="/admin/articles/new"
          className="rounded bg-blue-700 px-3 py-1 font-semibold text-white no-underline"
        >
          {t("new")}
        </Link>
      </div>
      <TableScroll label={t("title")} className="mt-6">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">{t("titleCol")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("published")}</th>
              <th scope="col">{t("comments")}</th>
              <th scope="col">{t("moderation")}</th>
              <th scope="col">{t("author")}</th>
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
                    ? t("scheduled")
                    : ""}
                </td>
                <td>{when(f, a.publishedAt)}</td>
                <td>
                  {t("commentState", {
                    count: f.number(a.commentCount),
                    open: a.commentsOpen ? "yes" : "no",
                  })}
                </td>
                <td>
                  {a.surgeUntil
                    ? t("surgeUntil", { when: when(f, a.surgeUntil) })
                    : t("mode", { mode: a.moderationMode })}
                </td>
                <td>{a.authorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </main>
  );
}
