import Link from "next/link";
import { ago, StatusBadge } from "@/components/admin/ui";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { searchUsers, userSearchSchema } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requirePageViewer("moderate", "/admin/users");
  const sp = await searchParams;
  const parsed = userSearchSchema.safeParse({ q: sp.q || undefined, cursor: sp.cursor || undefined });
  const q = parsed.success ? parsed.data : userSearchSchema.parse({});
  const page = await withDb(searchUsers, q, viewer).catch(() =>
    withDb(searchUsers, { ...q, cursor: undefined }, viewer),
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Users</h1>
      <search>
        <form method="get" action="/admin/users" className="mt-4 flex items-end gap-2">
          <label className="flex flex-col text-sm">
            {viewer.role === "admin" ? "Name or email contains" : "Name contains"}
            <input name="q" defaultValue={q.q ?? ""} className={inputClass} maxLength={100} />
          </label>
          <button type="submit" className={buttonClass("primary", "sm")}>
            Search
          </button>
        </form>
      </search>
      {!parsed.success ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {parsed.error.issues[0].message}
        </p>
      ) : null}
      <TableScroll label="Users" className="mt-6">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">Users</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">Name</th>
              {viewer.role === "admin" ? <th scope="col">Email</th> : null}
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Account age</th>
              <th scope="col">Approved</th>
              <th scope="col">Rejected</th>
              <th scope="col">Pending</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((u) => (
              <tr key={u.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 text-start font-normal">
                  <Link href={`/admin/users/${u.id}`}>{u.name ?? "(no name)"}</Link>
                </th>
                {viewer.role === "admin" ? <td>{u.email}</td> : null}
                <td>{u.role}</td>
                <td>
                  <StatusBadge status={u.status} />
                </td>
                <td>{ago(u.createdAt)}</td>
                <td>{u.approvedCount}</td>
                <td>{u.rejectedCount}</td>
                <td>{u.pendingCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {page.items.length === 0 ? <p className="mt-4">No users match.</p> : null}
      {page.nextCursor ? (
        <p className="mt-6">
          <Link
            href={`/admin/users?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), cursor: page.nextCursor })}`}
          >
            Next page
          </Link>
        </p>
      ) : null}
    </main>
  );
}
