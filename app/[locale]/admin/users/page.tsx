import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { ago, StatusBadge, useStatusWord } from "@/components/admin/ui";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { render, zodIssueText } from "@/lib/i18n/text";
import { searchUsers, userSearchSchema } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminUsers");

function Role({ role }: { role: string }) {
  return useStatusWord()(role);
}

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await pageLocale(params);
  const viewer = await requirePageViewer("moderate", "/admin/users");
  const t = await getTranslations("AdminUsers");
  const f = await getFormatter();
  const locale = await getLocale();
  const sp = await searchParams;
  const parsed = userSearchSchema.safeParse({ q: sp.q || undefined, cursor: sp.cursor || undefined });
  const q = parsed.success ? parsed.data : userSearchSchema.parse({});
  const page = await withDb(searchUsers, q, viewer).catch(() =>
    withDb(searchUsers, { ...q, cursor: undefined }, viewer),
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <search>
        <form method="get" action="/admin/users" className="mt-4 flex items-end gap-2">
          <label className="flex flex-col text-sm">
            {viewer.role === "admin" ? t("searchAdmin") : t("search")}
            <input name="q" defaultValue={q.q ?? ""} className={inputClass} maxLength={100} />
          </label>
          <button type="submit" className={buttonClass("primary", "sm")}>
            {t("submit")}
          </button>
        </form>
      </search>
      {!parsed.success ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {render(zodIssueText(parsed.error.issues[0]), locale)}
        </p>
      ) : null}
      <TableScroll label={t("table")} className="mt-6">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">{t("table")}</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">{t("name")}</th>
              {viewer.role === "admin" ? <th scope="col">{t("email")}</th> : null}
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("age")}</th>
              <th scope="col">{t("approved")}</th>
              <th scope="col">{t("rejected")}</th>
              <th scope="col">{t("pending")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((u) => (
              <tr key={u.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 text-start font-normal">
                  <Link href={`/admin/users/${u.id}`}>{u.name ?? t("noName")}</Link>
                </th>
                {viewer.role === "admin" ? <td>{u.email}</td> : null}
                <td>
                  <Role role={u.role} />
                </td>
                <td>
                  <StatusBadge status={u.status} />
                </td>
                <td>{ago(f, u.createdAt)}</td>
                <td>{f.number(u.approvedCount)}</td>
                <td>{f.number(u.rejectedCount)}</td>
                <td>{f.number(u.pendingCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {page.items.length === 0 ? <p className="mt-4">{t("none")}</p> : null}
      {page.nextCursor ? (
        <p className="mt-6">
          <Link
            href={`/admin/users?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), cursor: page.nextCursor })}`}
          >
            {t("next")}
          </Link>
        </p>
      ) : null}
    </main>
  );
}
