import { getFormatter, getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { when } from "@/components/admin/ui";
import { WebhookManager } from "@/components/admin/WebhookManager";
import { requirePageViewer } from "@/lib/auth/pages";
import { pageLocale } from "@/lib/i18n/server";
import { adminDeliveryPage } from "@/lib/notifications/admin";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminWebhooks");

export default async function WebhooksPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  await requirePageViewer("admin", "/admin/webhooks");
  const t = await getTranslations("AdminWebhooks");
  const f = await getFormatter();
  const { hooks, failed } = await adminDeliveryPage();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <WebhookManager
        initial={hooks.map((h) => ({
          ...h,
          failingSince: h.failingSince?.toISOString() ?? null,
          disabledAt: h.disabledAt?.toISOString() ?? null,
        }))}
      />
      <section aria-labelledby="failed-heading" className="mt-10">
        <h2 id="failed-heading" className="text-xl font-semibold">
          {t("failed", { count: failed.count })}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("failedIntro")}</p>
        {failed.jobs.length ? (
          <ul className="mt-2 space-y-2 text-sm">
            {failed.jobs.map((j) => (
              <li key={j.id} className="break-words rounded border border-zinc-200 p-2 dark:border-zinc-800">
                <strong>{j.queue}</strong> ·{" "}
                {t("job", {
                  when: when(f, j.failedAt ?? null),
                  retries: j.retries,
                  error: j.error ?? t("noError"),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t("none")}</p>
        )}
      </section>
    </main>
  );
}
