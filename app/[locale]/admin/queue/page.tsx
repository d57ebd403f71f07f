import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueBoard } from "@/components/admin/QueueBoard";
import { validate } from "@/lib/api/http";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { pageLocale } from "@/lib/i18n/server";
import { listQueue, QUEUES, type QueueQuery, queueCounts, queueQuerySchema } from "@/lib/moderation/queue";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AdminQueue" });
  return { title: t("title") };
}

export default async function QueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await pageLocale(params);
  await requirePageViewer("moderate", "/admin/queue");
  const t = await getTranslations("AdminQueue");
  const locale = await getLocale();
  const sp = await searchParams;
  const raw = Object.fromEntries(
    Object.entries(sp)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  let q: QueueQuery;
  let problem: string | null = null;
  try {
    q = validate(queueQuerySchema, raw);
  } catch (e) {
    problem = e instanceof DomainError ? e.messageIn(locale) : t("badQuery");
    q = queueQuerySchema.parse({});
  }
  let page: Awaited<ReturnType<typeof listQueue>>;
  try {
    page = await withDb(listQueue, q, locale);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    problem = e.messageIn(locale);
    q = queueQuerySchema.parse({});
    page = await withDb(listQueue, q, locale);
  }
  const counts = await withDb(queueCounts);
  const keep = (extra: Record<string, string>) =>
    `/admin/queue?${new URLSearchParams({ status: q.status, ...(q.articleId ? { articleId: q.articleId } : {}), ...extra })}`;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {problem ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {t("problem", { problem })}
        </p>
      ) : null}
      <nav aria-label={t("queues")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {QUEUES.map((name) => (
            <li key={name}>
              <Link
                href={`/admin/queue?status=${name}`}
                prefetch={false}
                aria-current={q.status === name ? "page" : undefined}
                className={`inline-block rounded px-3 py-1 no-underline ${
                  q.status === name
                    ? "bg-blue-700 text-white"
                    : "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                }`}
              >
                {name !== "all"
                  ? t("count", { label: t("queue", { name }), count: counts[name] })
                  : t("queue", { name })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {q.articleId ? (
        <p className="mt-2 text-sm">
          {t("filtered")} <Link href={`/admin/queue?status=${q.status}`}>{t("showAll")}</Link>
        </p>
      ) : null}
      <div className="mt-4">
        <QueueBoard
          key={`${q.status}:${q.cursor ?? ""}:${q.articleId ?? ""}`}
          queue={q.status}
          initialItems={page.items}
          renderedAt={Date.now()}
        />
      </div>
      <nav aria-label={t("pages")} className="mt-6 flex gap-4">
        {q.cursor ? <Link href={keep({})}>{t("first")}</Link> : null}
        {page.nextCursor ? <Link href={keep({ cursor: page.nextCursor })}>{t("next")}</Link> : null}
      </nav>
    </main>
  );
}
