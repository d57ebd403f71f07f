import Link from "next/link";
import { deliveryHealthNow } from "@/lib/notifications/admin";

/** Dashboard notice: failed delivery jobs and webhook endpoints disabled after 24 h of failures. */
export async function DeliveryNotice({ isAdmin }: { isAdmin: boolean }) {
  const h = await deliveryHealthNow();
  if (!h.failedJobs && !h.disabledWebhooks.length)
    return (
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        Delivery: 0 failed jobs
        {isAdmin ? (
          <>
            {" "}
            · <Link href="/admin/webhooks">webhooks</Link>
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
        Delivery problems
      </h2>
      <ul className="mt-2 list-disc ps-5 text-sm">
        {h.failedJobs ? (
          <li>
            {h.failedJobs} failed delivery job{h.failedJobs === 1 ? "" : "s"} (mail or webhooks)
          </li>
        ) : null}
        {h.disabledWebhooks.map((w) => (
          <li key={w.id} className="break-all">
            Webhook {w.name || w.url} was disabled after 24 hours of failed deliveries
          </li>
        ))}
      </ul>
      {isAdmin ? (
        <p className="mt-2 text-sm">
          <Link href="/admin/webhooks">See webhooks and failed jobs</Link>
        </p>
      ) : null}
    </section>
  );
}
