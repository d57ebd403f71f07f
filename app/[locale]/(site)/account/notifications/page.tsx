import Link from "next/link";
import { NotificationList } from "@/components/notifications/NotificationList";
import { Notice } from "@/components/ui/form";
import { requirePageViewer } from "@/lib/auth/pages";
import { readerNotificationsPage } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";
export const metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const viewer = await requirePageViewer("account", "/account/notifications");
  const sp = await searchParams;
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;
  const page = await readerNotificationsPage(viewer.id, cursor);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">Notifications</h1>
      <p className="mt-2 text-sm">
        Newest first. Choose which ones also come by e-mail on{" "}
        <Link href="/account#notifications">your account page</Link>.
      </p>
      {page.error ? <Notice tone="error">{page.error}</Notice> : null}
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
      <nav aria-label="More notifications" className="mt-6 flex gap-4">
        {cursor ? <Link href="/account/notifications">Newest</Link> : null}
        {page.nextCursor ? (
          <Link href={`/account/notifications?cursor=${encodeURIComponent(page.nextCursor)}`}>
            Older notifications
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
