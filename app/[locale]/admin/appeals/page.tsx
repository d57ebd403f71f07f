import Link from "next/link";
import { AppealActions } from "@/components/admin/AppealActions";
import { StatusBadge, when } from "@/components/admin/ui";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { listAppeals } from "@/lib/moderation/appeals";

export const dynamic = "force-dynamic";
export const metadata = { title: "Appeals" };

export default async function AppealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requirePageViewer("moderate", "/admin/appeals");
  const sp = await searchParams;
  const status = sp.status === "decided" ? "decided" : "open";
  const cursor = typeof sp.cursor === "string" && sp.cursor.length < 200 ? sp.cursor : undefined;
  // a mangled cursor shows the first page rather than an error
  const page = await withDb(listAppeals, { status, viewerId: viewer.id, cursor }).catch(() =>
    withDb(listAppeals, { status, viewerId: viewer.id }),
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Appeals</h1>
      <nav aria-label="Appeal lists" className="mt-3 flex gap-4">
        <Link href="/admin/appeals" aria-current={status === "open" ? "page" : undefined}>
          Open
        </Link>
        <Link href="/admin/appeals?status=decided" aria-current={status === "decided" ? "page" : undefined}>
          Decided
        </Link>
      </nav>
      {page.items.length === 0 ? <p className="mt-6">No {status} appeals.</p> : null}
      <ol className="mt-4 space-y-4">
        {page.items.map((a) => (
          <li key={a.id} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
            <p className="text-sm">
              <StatusBadge status={a.status} /> Appeal by{" "}
              <Link href={`/admin/users/${a.author.id}`}>{a.author.name ?? "a reader"}</Link> on{" "}
              {when(a.createdAt)} · comment on{" "}
              <Link href={`/articles/${a.comment.article.slug}`}>{a.comment.article.title}</Link> · rejected
              by {a.rejectedBy ? (a.rejectedBy.name ?? "a moderator") : "the automatic rules"}
            </p>
            <p className="mt-2 text-sm font-medium">The comment ({a.comment.explanation})</p>
            <p className="whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 dark:bg-zinc-900">
              {a.comment.body}
            </p>
            <p className="mt-2 text-sm font-medium">The author says</p>
            <p className="whitespace-pre-wrap break-words">{a.text}</p>
            {a.status === "open" ? <AppealActions appealId={a.id} mayDecide={a.viewerMayDecide} /> : null}
          </li>
        ))}
      </ol>
      {page.nextCursor ? (
        <p className="mt-6">
          <Link href={`/admin/appeals?status=${status}&cursor=${page.nextCursor}`}>Next page</Link>
        </p>
      ) : null}
    </main>
  );
}
