import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { when } from "@/components/admin/ui";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { fieldText, render, zodIssueText } from "@/lib/i18n/text";
import { auditQuerySchema, listAudit } from "@/lib/moderation/audit";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminAudit");

const TARGETS = ["comment", "user", "article", "settings", "appeal", "token"];

function targetLink(type: string, id: string): string | null {
  if (type === "user") return `/admin/users/${id}`;
  if (type === "article") return `/admin/articles/${id}`;
  return null;
}

/** The audit log: read-only, filterable by actor, action, target type and target id. */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await pageLocale(params);
  await requirePageViewer("moderate", "/admin/audit");
  const t = await getTranslations("AdminAudit");
  const f = await getFormatter();
  const locale = await getLocale();
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
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <form
        method="get"
        action="/admin/audit"
        className="mt-4 flex flex-wrap items-end gap-2"
        aria-label={t("filter")}
      >
        <label className="flex flex-col text-sm">
          {t("action")}
          <input
            name="action"
            defaultValue={q.action ?? ""}
            placeholder={t("actionExample")}
            className={inputClass}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("targetType")}
          <select name="targetType" defaultValue={q.targetType ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {TARGETS.map((type) => (
              <option key={type} value={type}>
                {t("target", { type })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("targetId")}
          <input name="targetId" defaultValue={q.targetId ?? ""} className={inputClass} />
        </label>
        <label className="flex flex-col text-sm">
          {t("actorId")}
          <input name="actor" defaultValue={q.actor ?? ""} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass("primary", "sm")}>
          {t("submit")}
        </button>
        <Link href="/admin/audit" className="text-sm">
          {t("clear")}
        </Link>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {render(
            fieldText(parsed.error.issues[0].path.join("."), zodIssueText(parsed.error.issues[0])),
            locale,
          )}
        </p>
      ) : null}
      <TableScroll label={t("table")} className="mt-6">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("targetCol")}</th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((e) => {
              const href = targetLink(e.targetType, e.targetId);
              return (
                <tr key={e.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  <td className="whitespace-nowrap py-1 pe-2">{when(f, e.at)}</td>
                  <td className="pe-2">
                    {e.actor ? (
                      <Link href={`/admin/users/${e.actor.id}`}>{e.actor.name ?? e.actor.id}</Link>
                    ) : (
                      t("system")
                    )}
                  </td>
                  <td className="pe-2">
                    <Link href={`/admin/audit?action=${encodeURIComponent(e.action)}`}>{e.action}</Link>
                  </td>
                  <td className="pe-2">
                    {t("target", { type: e.targetType })}{" "}
                    {href ? (
                      <Link href={href}>{e.targetId.slice(0, 8)}</Link>
                    ) : (
                      <code title={e.targetId}>{e.targetId.slice(0, 8)}</code>
                    )}{" "}
                    <Link
                      href={`/admin/audit?targetType=${e.targetType}&targetId=${encodeURIComponent(e.targetId)}`}
                      aria-label={t("allFor", { type: t("target", { type: e.targetType }) })}
                    >
                      {t("all")}
                    </Link>
                  </td>
                  <td className="break-words">{e.reason ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {page.items.length === 0 ? <p className="mt-4">{t("none")}</p> : null}
      {page.nextCursor ? (
        <p className="mt-6">
          <Link href={`/admin/audit?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}`}>
            {t("older")}
          </Link>
        </p>
      ) : null}
    </main>
  );
}
