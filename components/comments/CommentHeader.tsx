"use client";
// A comment's header: author (or [deleted]), badges, poll tags, time and the "Edited" history.
import type { PublicComment } from "@/lib/comments/types";
import { EditedHistory } from "./EditedHistory";
import { formatDateTime } from "./format";

export function CommentHeader({ c }: { c: PublicComment }) {
  return (
    <header className="comment-meta">
      <h3 className="font-semibold">
        {c.deleted ? (
          "[deleted]"
        ) : c.author?.handle ? (
          <a href={`/readers/${c.author.handle}`} className="comment-author">
            {c.author.name}
          </a>
        ) : (
          (c.author?.name ?? "Former reader")
        )}
      </h3>
      {c.author?.staff && !c.deleted ? (
        <span className="comment-badge" title="A moderator of this site">
          Staff
        </span>
      ) : null}
      {c.pinned ? <span className="comment-badge">Pinned</span> : null}
      {c.featured ? <span className="comment-badge">Featured</span> : null}
      {!c.deleted && c.votedTags?.length
        ? c.votedTags.map((t) => (
            <span
              key={t.pollId}
              data-poll-tag={t.pollId}
              className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-900 dark:bg-blue-950 dark:text-blue-200"
            >
              voted: {t.labels.join(", ")}
            </span>
          ))
        : null}
      <a href={c.url} className="comment-time">
        <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
      </a>
      {c.editedAt && !c.deleted ? <EditedHistory id={c.id} editedAt={c.editedAt} /> : null}
    </header>
  );
}
