import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { deliveryHealthNow } from "@/lib/notifications/admin";

/** Dashboard notice: failed delivery jobs and webhook endpoints disabled after 24 h of failures. */
export async function DeliveryNotice({ isAdmin }: { isAdmin: boolean }) {
  const h = await deliveryHealthNow();
  const t = await getTranslations("AdminDelivery");
  if (!h.failedJobs && !h.disabledWebhooks.length)
    return (
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        {t("ok")}
        {isAdmin ? (
          <>
            {" "}
            · <Link href="/admin/webhooks">{t("webhooks")}</Link>
          </>
        ) : null}
      </p>
    );
  return (
    <section
      aria-labelledby="delivery-heading"
      role="alert"
      className="mt-6 rounded border-2 border-red-500 bg-red-50 p-4 dark:bg-red-950/40"
    >
      <h2 id="delivery-heading" className="font-semibold">
        {t("problems")}
      </h2>
      <ul className="mt-2 list-disc ps-5 text-sm">
        {h.failedJobs ? <li>{t("failedJobs", { count: h.failedJobs })}</li> : null}
        {h.disabledWebhooks.map((w) => (
          <li key={w.id} className="break-all">
            {t("disabled", { name: w.name || w.url })}
          </li>
        ))}
      </ul>
      {isAdmin ? (
        <p className="mt-2 text-sm">
          <Link href="/admin/webhooks">{t("see")}</Link>
        </p>
      ) : null}
    </section>
  );
}
