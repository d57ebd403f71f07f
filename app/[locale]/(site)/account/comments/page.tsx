import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppealForm } from "@/components/account/AppealForm";
import { titleFrom } from "@/components/admin/metadata";
import { StatusBadge, when } from "@/components/admin/ui";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { listOwnComments } from "@/lib/moderation/author-view";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AccountComments");

/** An author's own comments with what moderation decided and why, and the appeal for rejections. */
export default async function OwnCommentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const viewer = await requirePageViewer("account", "/account/comments");
  const t = await getTranslations("AccountComments");
  const f = await getFormatter();
  const items = await withDb(listOwnComments, viewer.id, locale);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {items.length === 0 ? <p className="mt-4">{t("none")}</p> : null}
      <ol className="mt-6 space-y-4">
        {items.map((c) => (
          <li
            key={c.id}
            className="rounded border border-zinc-200 p-3 dark:border-zinc-800"
            data-comment-id={c.id}
          >
            <p className="text-sm">
              <StatusBadge status={c.status} />{" "}
              {t.rich("on", {
                when: when(f, c.createdAt),
                title: c.article.title,
                a: (x) =>
                  !c.article.href ? (
                    x
                  ) : c.article.external ? (
                    <a href={c.article.href} rel="noopener noreferrer">
                      {x}
                    </a>
                  ) : (
                    <Link href={c.article.href}>{x}</Link>
                  ),
              })}
            </p>
            <p className="mt-2 whitespace-pre-wrap break-words">{c.body}</p>
            <p className="mt-2 text-sm font-medium">{c.explanation}</p>
            {c.appeal ? (
              <p className="mt-1 text-sm">
                {t("appeal", { status: c.appeal.status, when: when(f, c.appeal.createdAt) })}
              </p>
            ) : null}
            {c.mayAppeal ? <AppealForm commentId={c.id} /> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
