import Link from "next/link";
import { when } from "@/components/admin/ui";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { auditQuerySchema, listAudit } from "@/lib/moderation/audit";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

const TARGETS = ["comment", "user", "article", "settings", "appeal", "token"];

function targetLink(type: string, id: string): string | null {
  if (type === "user") return `/admin/users/${id}`;
  if (type === "article") return `/admin/articles/${id}`;
  return null;
}

/** The audit log: read-only, filterable by actor, action, target type and target id. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageViewer("moderate", "/admin/audit");
  const sp = await searchParams;
  const raw = Object.fromEntries(Object.entries(sp).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = auditQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const page = await withDb(listAudit, q);
  const filters = {
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
  };
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Every moderator and admin action, and every automatic one. Entries cannot be edited or removed.
      </p>
      <form
        method="get"
        action="/admin/audit"
        className="mt-4 flex flex-wrap items-end gap-2"
        aria-label="Filter the audit log"
      >
        <label className="flex flex-col text-sm">
          Action
          <input
            name="action"
            defaultValue={q.action ?? ""}
            placeholder="comment.reject"
            className={inputClass}
          />
        </label>
        <label className="flex flex-col text-sm">
          Target type
          <select name="targetType" defaultValue={q.targetType ?? ""} className={inputClass}>
            <option value="">any</option>
            {TARGETS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Target id
          <input name="targetId" defaultValue={q.targetId ?? ""} className={inputClass} />
        </label>
        <label className="flex flex-col text-sm">
          Actor id
          <input name="actor" defaultValue={q.actor ?? ""} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass("primary", "sm")}>
          Filter
        </button>
        <Link href="/admin/audit" className="text-sm">
          Clear
        </Link>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {parsed.error.issues[0].path.join(".")}: {parsed.error.issues[0].message}
        </p>
      ) : null}
      <TableScroll label="Audit log" className="mt-6">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((e) => {
              const href = targetLink(e.targetType, e.targetId);
              return (
                <tr key={e.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  <td className="whitespace-nowrap py-1 pe-2">{when(e.at)}</td>
                  <td className="pe-2">
                    {e.actor ? (
                      <Link href={`/admin/users/${e.actor.id}`}>{e.actor.name ?? e.actor.id}</Link>
                    ) : (
                      "system"
                    )}
                  </td>
                  <td className="pe-2">
                    <Link href={`/admin/audit?action=${encodeURIComponent(e.action)}`}>{e.action}</Link>
                  </td>
                  <td className="pe-2">
                    {e.targetType}{" "}
                    {href ? (
                      <Link href={href}>{e.targetId.slice(0, 8)}</Link>
                    ) : (
                      <code title={e.targetId}>{e.targetId.slice(0, 8)}</code>
                    )}{" "}
                    <Link
                      href={`/admin/audit?targetType=${e.targetType}&targetId=${encodeURIComponent(e.targetId)}`}
                      aria-label={`All entries for this ${e.targetType}`}
                    >
                      (all)
                    </Link>
                  </td>
                  <td className="break-words">{e.reason ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {page.items.length === 0 ? <p className="mt-4">No entries.</p> : null}
      {page.nextCursor ? (
        <p className="mt-6">
          <Link href={`/admin/audit?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}`}>
            Older entries
          </Link>
        </p>
      ) : null}
    </main>
  );
}
