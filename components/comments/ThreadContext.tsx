// The ancestors of a comment on its own page, root first: read-only context above the thread.
import { useTranslations } from "next-intl";
import type { PublicComment } from "@/lib/comments/types";
import { useDateTime } from "./format";

export function ThreadContext({ ancestors }: { ancestors: PublicComment[] }) {
  const t = useTranslations("Comments");
  const dateTime = useDateTime();
  if (ancestors.length === 0) return null;
  return (
    <section aria-labelledby="context-heading" className="mb-6">
      <h2
        id="context-heading"
        className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
      >
        {t("earlier")}
      </h2>
      <ol className="space-y-2 border-s-2 border-zinc-300 ps-3 dark:border-zinc-700">
        {ancestors.map((a) => (
          <li key={a.id} className="text-sm">
            <p className="text-zinc-600 dark:text-zinc-400">
              <span className="font-medium text-zinc-900 dark:text-zinc-100">
                {a.deleted ? t("deleted") : (a.author?.name ?? t("formerReader"))}
              </span>{" "}
              · <a href={a.url}>{dateTime(a.createdAt)}</a>
            </p>
            {a.deleted ? (
              <p className="italic text-zinc-600 dark:text-zinc-400">{t("deleted")}</p>
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
