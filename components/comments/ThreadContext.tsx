// The ancestors of a comment on its own page, root first: read-only context above the thread.
import type { PublicComment } from "@/lib/comments/types";
import { formatDateTime } from "./format";

export function ThreadContext({ ancestors }: { ancestors: PublicComment[] }) {
  if (ancestors.length === 0) return null;
  return (
    <section aria-labelledby="context-heading" className="mb-6">
      <h2
        id="context-heading"
        className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
      >
        Earlier in this thread
      </h2>
      <ol className="space-y-2 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">
        {ancestors.map((a) => (
          <li key={a.id} className="text-sm">
            <p className="text-zinc-600 dark:text-zinc-400">
              <span className="font-medium text-zinc-900 dark:text-zinc-100">
                {a.deleted ? "[deleted]" : (a.author?.name ?? "Former reader")}
              </span>{" "}
              · <a href={a.url}>{formatDateTime(a.createdAt)}</a>
            </p>
            {a.deleted ? (
              <p className="italic text-zinc-600 dark:text-zinc-400">[deleted]</p>
            ) : (
              <div
                className="line-clamp-4 break-words [&_p]:my-1"
                dangerouslySetInnerHTML={{ __html: a.bodyHtml }}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
