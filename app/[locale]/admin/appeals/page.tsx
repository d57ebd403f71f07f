import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppealActions } from "@/components/admin/AppealActions";
import { titleFrom } from "@/components/admin/metadata";
import { StatusBadge, when } from "@/components/admin/ui";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { listAppeals } from "@/lib/moderation/appeals";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminAppeals");

export default async function AppealsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const locale = await pageLocale(params);
  const viewer = await requirePageViewer("moderate", "/admin/appeals");
  const t = await getTranslations("AdminAppeals");
  const f = await getFormatter();
  const sp = await searchParams;
  const status = sp.status === "decided" ? "decided" : "open";
  const cursor = typeof sp.cursor === "string" && sp.cursor.length < 200 ? sp.cursor : undefined;
  // a mangled cursor shows the first page rather than an error
  const page = await withDb(listAppeals, { status, viewerId: viewer.id, cursor, locale }).catch(() =>
    withDb(listAppeals, { status, viewerId: viewer.id, locale }),
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <nav aria-label={t("lists")} className="mt-3 flex gap-4">
        <Link href="/admin/appeals" aria-current={status === "open" ? "page" : undefined}>
          {t("open")}
        </Link>
        <Link href="/admin/appeals?status=decided" aria-current={status === "decided" ? "page" : undefined}>
          {t("decided")}
        </Link>
      </nav>
      {page.items.length === 0 ? <p className="mt-6">{t("none", { status })}</p> : null}
      <ol className="mt-4 space-y-4">
        {page.items.map((a) => (
          <li key={a.id} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
            <p className="text-sm">
              <StatusBadge status={a.status} />{" "}
              {t.rich("by", {
                name: a.author.name ?? t("aReader"),
                when: when(f, a.createdAt),
                title: a.comment.article.title,
                rejectedBy: a.rejectedBy ? (a.rejectedBy.name ?? t("aModerator")) : t("rules"),
                user: (c) => <Link href={`/admin/users/${a.author.id}`}>{c}</Link>,
                article: (c) => (
                  <Link href={`/articles/${a.comment.article.slug}`} prefetch={false}>
                    {c}
                  </Link>
                ),
              })}
            </p>
            <p className="mt-2 text-sm font-medium">{t("comment", { explanation: a.comment.explanation })}</p>
            <p className="whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 dark:bg-zinc-900">
              {a.comment.body}
            </p>
            <p className="mt-2 text-sm font-medium">{t("authorSays")}</p>
            <p className="whitespace-pre-wrap break-words">{a.text}</p>
            {a.status === "open" ? <AppealActions appealId={a.id} mayDecide={a.viewerMayDecide} /> : null}
          </li>
        ))}
      </ol>
      {page.nextCursor ? (
        <p className="mt-6">
          <Link href={`/admin/appeals?status=${status}&cursor=${page.nextCursor}`}>{t("next")}</Link>
        </p>
      ) : null}
    </main>
  );
}
