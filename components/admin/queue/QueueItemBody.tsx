"use client";
// One comment in the moderation queue: who wrote it (account age and record), where, the text, which
// rule or word decided its status, open reports, and the decision buttons (aria-disabled while a
// decision is saving, so focus stays on them).
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ShortlistButton } from "@/components/discovery/ShortlistButton";
import { buttonClass } from "@/components/ui/styles";
import type { QueueItem } from "@/lib/moderation/queue";
import type { Action } from "../QueueBoard";
import { ago, StatusBadge, useStatusWord } from "../ui";

export function QueueItemBody({
  it,
  now,
  selected,
  onToggle,
  busy,
  onDecide,
  onReject,
}: {
  it: QueueItem;
  now: number;
  selected: boolean;
  onToggle: () => void;
  busy: boolean;
  onDecide: (action: Action) => void;
  onReject: () => void;
}) {
  const t = useTranslations("AdminQueueItem");
  const status = useStatusWord();
  const f = useFormatter();
  return (
    <>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <input type="checkbox" aria-label={t("select")} checked={selected} onChange={onToggle} />
        <StatusBadge status={it.status} />
        {it.featured ? <span className="text-xs font-semibold">{t("featured")}</span> : null}
        {it.pinned ? <span className="text-xs font-semibold">{t("pinned")}</span> : null}
        {it.author ? (
          <Link href={`/admin/users/${it.author.id}`} prefetch={false} className="font-semibold">
            {it.author.name ?? t("reader")}
          </Link>
        ) : (
          <span>{t("deletedAccount")}</span>
        )}
        {it.author ? (
          <span className="text-zinc-600 dark:text-zinc-400">
            {t("record", {
              ago: ago(f, it.author.createdAt, now),
              approved: f.number(it.author.approvedCount),
              rejected: f.number(it.author.rejectedCount),
            })}
            {it.author.status !== "active" ? ` · ${status(it.author.status)}` : ""}
          </span>
        ) : null}
        <span className="text-zinc-600 dark:text-zinc-400">{ago(f, it.createdAt, now)}</span>
      </header>
      <p className="mt-1 text-sm">
        {t.rich("on", {
          title: it.article.title,
          a: (c) => (
            <Link href={`/articles/${it.article.slug}`} prefetch={false}>
              {c}
            </Link>
          ),
        })}
      </p>
      {it.parent ? (
        <blockquote className="mt-2 border-s-4 border-zinc-300 ps-3 text-sm text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">
          {t("inReplyTo", { name: it.parent.authorName ?? t("aReader"), excerpt: it.parent.excerpt })}
        </blockquote>
      ) : null}
      <p className="mt-2 whitespace-pre-wrap break-words">{it.body}</p>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">{t("decidedBy", { who: it.decidedBy ?? "—" })}</span> {it.explanation}
        {it.tags.length ? ` · ${t("tags", { tags: f.list(it.tags) })}` : ""}
      </p>
      {it.reports.length ? (
        <ul className="mt-1 text-sm text-red-800 dark:text-red-300" aria-label={t("reports")}>
          {it.reports.map((r) => (
            <li key={r.reason}>
              {f.number(r.count)} × {t("reason", { reason: r.reason })}
              {r.notes.length ? `: “${r.notes.join("”, “")}”` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass("primary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide("approve")}
        >
          {t("approve")}
        </button>
        <button
          type="button"
          className={buttonClass("danger", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onReject()}
        >
          {t("reject")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide("spam")}
        >
          {t("spam")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide("delete")}
        >
          {t("delete")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide(it.featured ? "unfeature" : "feature")}
        >
          {it.featured ? t("unfeature") : t("feature")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onDecide(it.pinned ? "unpin" : "pin")}
        >
          {it.pinned ? t("unpin") : t("pin")}
        </button>
        {it.status === "approved" ? (
          <ShortlistButton commentId={it.id} className={buttonClass("secondary", "sm")} />
        ) : null}
      </div>
    </>
  );
}
