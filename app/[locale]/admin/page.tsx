import Link from "next/link";
import { DayChart } from "@/components/admin/DayChart";
import { DeliveryNotice } from "@/components/admin/DeliveryNotice";
import { EndSurgeButton } from "@/components/admin/EndSurgeButton";
import { ago, when } from "@/components/admin/ui";
import { plural } from "@/components/ui/format";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { getDashboard } from "@/lib/moderation/dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Moderation" };

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

export default async function AdminDashboard() {
  const viewer = await requirePageViewer("moderate", "/admin");
  const d = await withDb(getDashboard);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Moderation</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Dashboard · signed in as {viewer.name} ({viewer.role}) · times in {d.timeZone}
      </p>
      {d.surges.length ? (
        <section
          aria-labelledby="surge-heading"
          role="alert"
          className="mt-6 rounded border-2 border-amber-500 bg-amber-50 p-4 dark:bg-amber-950/40"
        >
          <h2 id="surge-heading" className="font-semibold">
            Surge mode: {plural(d.surges.length, "article is", "articles are")} premoderated
          </h2>
          <ul className="mt-2 space-y-2">
            {d.surges.map((s) => (
              <li key={s.id}>
                <Link href={`/admin/queue?status=pending&articleId=${s.id}`}>{s.title}</Link> — until{" "}
                {when(s.until)} <EndSurgeButton articleId={s.id} title={s.title} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DeliveryNotice isAdmin={viewer.role === "admin"} />
      <dl className="mt-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat
          label="Pending in the queue"
          value={d.pending}
          href="/admin/queue?status=pending"
          note={d.oldestPendingAt ? `oldest waiting ${ago(d.oldestPendingAt)}` : "nothing waiting"}
        />
        <Stat
          label="Open reports"
          value={d.reportsOpen}
          href="/admin/queue?status=reported"
          note={`on ${plural(d.reportedComments, "comment")}`}
        />
        <Stat label="Open appeals" value={d.appealsOpen} href="/admin/appeals" />
        <Stat label="Articles in surge mode" value={d.surges.length} />
      </dl>
      <section aria-labelledby="perday-heading" className="mt-8">
        <h2 id="perday-heading" className="text-xl font-semibold">
          Comments per day
        </h2>
        <DayChart days={d.perDay} />
      </section>
      <section aria-labelledby="health-heading" className="mt-8">
        <h2 id="health-heading" className="text-xl font-semibold">
          Article health (last 7 days)
        </h2>
        {d.health.length ? (
          <TableScroll label="Article health" className="mt-3">
            <table className="data-table w-full text-sm">
              <thead>
                <tr className="text-start">
                  <th scope="col">Article</th>
                  <th scope="col">Comments</th>
                  <th scope="col">Held</th>
                  <th scope="col">Reported</th>
                  <th scope="col">Removed</th>
                  <th scope="col">Mode</th>
                </tr>
              </thead>
              <tbody>
                {d.health.map((a) => (
                  <tr key={a.id} className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className="py-1 pe-2 text-start font-normal">
                      <Link href={`/admin/queue?status=all&articleId=${a.id}`}>{a.title}</Link>
                    </th>
                    <td>{a.total}</td>
                    <td>{a.heldPercent} %</td>
                    <td>{a.reportedPercent} %</td>
                    <td>{a.removedPercent} %</td>
                    <td>{a.surgeUntil ? `surge until ${when(a.surgeUntil)}` : a.moderationMode}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="mt-2">No comments in the last 7 days.</p>
        )}
      </section>
    </main>
  );
}
