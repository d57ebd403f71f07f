import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DayChart } from "@/components/admin/DayChart";
import { DeliveryNotice } from "@/components/admin/DeliveryNotice";
import { EndSurgeButton } from "@/components/admin/EndSurgeButton";
import { ago, when } from "@/components/admin/ui";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { getDashboard } from "@/lib/moderation/dashboard";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AdminDashboard" });
  return { title: t("title") };
}

function Stat({
  label,
  value,
  href,
  note,
}: {
  label: string;
  value: string | number;
  href?: string;
  note?: string;
}) {
  return (
    <div className="rounded border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-bold">{href ? <Link href={href}>{value}</Link> : value}</dd>
      {note ? <dd className="text-xs text-zinc-600 dark:text-zinc-400">{note}</dd> : null}
    </div>
  );
}

export default async function AdminDashboard({ params }: Props) {
  await pageLocale(params);
  const viewer = await requirePageViewer("moderate", "/admin");
  const d = await withDb(getDashboard);
  const t = await getTranslations("AdminDashboard");
  const s = await getTranslations("AdminStatus");
  const f = await getFormatter();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t("subtitle", { name: viewer.name, role: s(viewer.role), timeZone: d.timeZone })}
      </p>
      {d.surges.length ? (
        <section
          aria-labelledby="surge-heading"
          role="alert"
          className="mt-6 rounded border-2 border-amber-500 bg-amber-50 p-4 dark:bg-amber-950/40"
        >
          <h2 id="surge-heading" className="font-semibold">
            {t("surge", { count: d.surges.length })}
          </h2>
          <ul className="mt-2 space-y-2">
            {d.surges.map((s) => (
              <li key={s.id}>
                <Link href={`/admin/queue?status=pending&articleId=${s.id}`}>{s.title}</Link> —{" "}
                {t("until", { when: when(f, s.until) })} <EndSurgeButton articleId={s.id} title={s.title} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DeliveryNotice isAdmin={viewer.role === "admin"} />
      <dl className="mt-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat
          label={t("pending")}
          value={f.number(d.pending)}
          href="/admin/queue?status=pending"
          note={d.oldestPendingAt ? t("oldest", { ago: ago(f, d.oldestPendingAt) }) : t("nothingWaiting")}
        />
        <Stat
          label={t("reports")}
          value={f.number(d.reportsOpen)}
          href="/admin/queue?status=reported"
          note={t("onComments", { count: d.reportedComments })}
        />
        <Stat label={t("appeals")} value={f.number(d.appealsOpen)} href="/admin/appeals" />
        <Stat label={t("surgeArticles")} value={f.number(d.surges.length)} />
      </dl>
      <section aria-labelledby="perday-heading" className="mt-8">
        <h2 id="perday-heading" className="text-xl font-semibold">
          {t("perDay")}
        </h2>
        <DayChart days={d.perDay} />
      </section>
      <section aria-labelledby="health-heading" className="mt-8">
        <h2 id="health-heading" className="text-xl font-semibold">
          {t("health")}
        </h2>
        {d.health.length ? (
          <TableScroll label={t("healthTable")} className="mt-3">
            <table className="data-table w-full text-sm">
              <thead>
                <tr className="text-start">
                  <th scope="col">{t("article")}</th>
                  <th scope="col">{t("comments")}</th>
                  <th scope="col">{t("held")}</th>
                  <th scope="col">{t("reported")}</th>
                  <th scope="col">{t("removed")}</th>
                  <th scope="col">{t("mode")}</th>
                </tr>
              </thead>
              <tbody>
                {d.health.map((a) => (
                  <tr key={a.id} className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className="py-1 pe-2 text-start font-normal">
                      <Link href={`/admin/queue?status=all&articleId=${a.id}`}>{a.title}</Link>
                    </th>
                    <td>{f.number(a.total)}</td>
                    <td>{f.number(a.heldPercent / 100, "percent")}</td>
                    <td>{f.number(a.reportedPercent / 100, "percent")}</td>
                    <td>{f.number(a.removedPercent / 100, "percent")}</td>
                    <td>
                      {a.surgeUntil
                        ? t("surgeUntil", { when: when(f, a.surgeUntil) })
                        : t("modeName", { mode: a.moderationMode })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="mt-2">{t("noComments")}</p>
        )}
      </section>
    </main>
  );
}
