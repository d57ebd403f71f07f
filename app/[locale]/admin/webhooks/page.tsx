import { WebhookManager } from "@/components/admin/WebhookManager";
import { requirePageViewer } from "@/lib/auth/pages";
import { adminDeliveryPage } from "@/lib/notifications/admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Webhooks and delivery" };

export default async function WebhooksPage() {
  await requirePageViewer("admin", "/admin/webhooks");
  const { hooks, failed } = await adminDeliveryPage();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Webhooks and delivery</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Deliveries are signed (X-Agora-Signature: t=…,v1=HMAC-SHA256 of “t.body”), retried with growing delays
        for 24 hours, and an endpoint that fails for 24 hours is disabled.
      </p>
      <WebhookManager
        initial={hooks.map((h) => ({
          ...h,
          failingSince: h.failingSince?.toISOString() ?? null,
          disabledAt: h.disabledAt?.toISOString() ?? null,
        }))}
      />
      <section aria-labelledby="failed-heading" className="mt-10">
        <h2 id="failed-heading" className="text-xl font-semibold">
          Failed jobs ({failed.count})
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Mails, webhook deliveries and digests whose retries are used up, with the last error.
        </p>
        {failed.jobs.length ? (
          <ul className="mt-2 space-y-2 text-sm">
            {failed.jobs.map((j) => (
              <li key={j.id} className="break-words rounded border border-zinc-200 p-2 dark:border-zinc-800">
                <strong>{j.queue}</strong> · {j.failedAt?.slice(0, 19).replace("T", " ") ?? "—"} · {j.retries}{" "}
                retries · {j.error ?? "no error recorded"}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">None.</p>
        )}
      </section>
    </main>
  );
}
