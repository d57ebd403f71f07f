import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { NotificationList } from "@/components/notifications/NotificationList";
import { Notice } from "@/components/ui/form";
import { requirePageViewer } from "@/lib/auth/pages";
import { pageLocale } from "@/lib/i18n/server";
import { readerNotificationsPage } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AccountNotifications");

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const locale = await pageLocale(params);
  const viewer = await requirePageViewer("account", "/account/notifications");
  const t = await getTranslations("AccountNotifications");
  const sp = await searchParams;
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;
  const page = await readerNotificationsPage(viewer.id, cursor, locale);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm">
        {t.rich("intro", { a: (c) => <Link href="/account#notifications">{c}</Link> })}
      </p>
      {page.badCursor ? <Notice tone="error">{t("badCursor")}</Notice> : null}
      <NotificationList
        key={cursor ?? "first"}
        unread={page.unread}
        items={page.notifications.map((n) => ({
          id: n.id,
          kind: n.kind,
          read: n.read,
          url: n.url,
          text: n.text,
          excerpt: n.excerpt,
          createdAt: n.createdAt.toISOString(),
        }))}
      />
      <nav aria-label={t("more")} className="mt-6 flex gap-4">
        {cursor ? <Link href="/account/notifications">{t("newest")}</Link> : null}
        {page.nextCursor ? (
          <Link href={`/account/notifications?cursor=${encodeURIComponent(page.nextCursor)}`}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
