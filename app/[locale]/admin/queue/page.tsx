import Link from "next/link";
import { QueueBoard } from "@/components/admin/QueueBoard";
import { validate } from "@/lib/api/http";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { listQueue, QUEUES, type QueueQuery, queueCounts, queueQuerySchema } from "@/lib/moderation/queue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Moderation queue" };

const LABELS: Record<(typeof QUEUES)[number], string> = {
  pending: "Pending",
  reported: "Reported",
  rejected: "Rejected & spam",
  all: "All",
};

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requirePageViewer("moderate", "/admin/queue");
  const sp = await searchParams;
  const raw = Object.fromEntries(
    Object.entries(sp)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  let q: QueueQuery;
  let problem: string | null = null;
  try {
    q = validate(queueQuerySchema, raw);
  } catch (e) {
    problem = e instanceof DomainError ? e.message : "Bad query.";
    q = queueQuerySchema.parse({});
  }
  let page: Awaited<ReturnType<typeof listQueue>>;
  try {
    page = await withDb(listQueue, q);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    problem = e.message;
    q = queueQuerySchema.parse({});
    page = await withDb(listQueue, q);
  }
  const counts = await withDb(queueCounts);
  const keep = (extra: Record<string, string>) =>
    `/admin/queue?${new URLSearchParams({ status: q.status, ...(q.articleId ? { articleId: q.articleId } : {}), ...extra })}`;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Moderation queue</h1>
      {problem ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {problem} Showing the first page of the pending queue instead.
        </p>
      ) : null}
      <nav aria-label="Queues" className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {QUEUES.map((name) => (
            <li key={name}>
              <Link
                href={`/admin/queue?status=${name}`}
                prefetch={false}
                aria-current={q.status === name ? "page" : undefined}
                className={`inline-block rounded px-3 py-1 no-underline ${
                  q.status === name
                    ? "bg-blue-700 text-white"
                    : "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                }`}
              >
                {LABELS[name]}
                {name !== "all" ? ` (${counts[name]})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {q.articleId ? (
        <p className="mt-2 text-sm">
          Filtered to one article. <Link href={`/admin/queue?status=${q.status}`}>Show all articles</Link>
        </p>
      ) : null}
      <div className="mt-4">
        <QueueBoard
          key={`${q.status}:${q.cursor ?? ""}:${q.articleId ?? ""}`}
          queue={q.status}
          initialItems={page.items}
          renderedAt={Date.now()}
        />
      </div>
      <nav aria-label="Pages" className="mt-6 flex gap-4">
        {q.cursor ? <Link href={keep({})}>First page</Link> : null}
        {page.nextCursor ? <Link href={keep({ cursor: page.nextCursor })}>Next page</Link> : null}
      </nav>
    </main>
  );
}
