"use client";
// A comment's header: author (or [deleted]), badges, poll tags, time and the "Edited" history.
import { useTranslations } from "next-intl";
import type { PublicComment } from "@/lib/comments/types";
import { EditedHistory } from "./EditedHistory";
import { useDateTime } from "./format";

export function CommentHeader({ c }: { c: PublicComment }) {
  const t = useTranslations("Comments");
  const dateTime = useDateTime();
  return (
    <header className="comment-meta">
      <h3 className="font-semibold">
        {c.deleted ? (
          t("deleted")
        ) : c.author?.handle ? (
          <a href={`/readers/${c.author.handle}`} className="comment-author">
            {c.author.name}
          </a>
        ) : (
          (c.author?.name ?? t("formerReader"))
        )}
      </h3>
      {c.author?.staff && !c.deleted ? (
        <span className="comment-badge" title={t("staffTitle")}>
          {t("staff")}
        </span>
      ) : null}
      {c.author?.articleAuthor && !c.deleted ? (
        <span className="comment-badge" title={t("authorTitle")}>
          {t("author")}
        </span>
      ) : null}
      {c.pinned ? <span className="comment-badge">{t("pinned")}</span> : null}
      {c.featured ? <span className="comment-badge">{t("featured")}</span> : null}
      {!c.deleted && c.votedTags?.length
        ? c.votedTags.map((tag) => (
            <span
              key={tag.pollId}
              data-poll-tag={tag.pollId}
              className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-900 dark:bg-blue-950 dark:text-blue-200"
            >
              {t("voted", { labels: tag.labels.join(", ") })}
            </span>
          ))
        : null}
      <a href={c.url} className="comment-time">
        <time dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
      </a>
      {c.editedAt && !c.deleted ? <EditedHistory id={c.id} editedAt={c.editedAt} /> : null}
    </header>
  );
}
