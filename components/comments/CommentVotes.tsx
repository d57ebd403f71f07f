"use client";
// The score of a comment with the reader's up/down buttons (a plain score without JavaScript).
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PublicComment } from "@/lib/comments/types";
import { ApiCallError } from "./api";
import { useComments } from "./context";

export function CommentVotes({
  c,
  own,
  onNotice,
}: {
  c: PublicComment;
  own: boolean;
  onNotice: (s: string | null) => void;
}) {
  const t = useTranslations("Comments");
  const ctx = useComments();
  const mine = ctx.votes[c.id] ?? 0;
  const [busy, setBusy] = useState(false);
  async function cast(v: 1 | -1) {
    if (!ctx.viewer) {
      onNotice(t("signInToVote"));
      return;
    }
    if (busy) return; // aria-disabled while saving: the pressed button keeps focus
    setBusy(true);
    onNotice(null);
    try {
      await ctx.vote(c, mine === v ? 0 : v);
    } catch (e) {
      onNotice(e instanceof ApiCallError ? e.message : t("voteFailed"));
    } finally {
      setBusy(false);
    }
  }
  const scoreText = (
    <span className="comment-points" title={t("upDown", { up: c.upvotes, down: c.downvotes })}>
      <span data-score>{c.score}</span>
      <span className="sr-only"> {t("points", { count: c.score })}</span>
    </span>
  );
  if (!ctx.live || c.deleted)
    return (
      <span className="comment-score">
        {t("score")} {scoreText}
      </span>
    );
  // until the reader's state has loaded, we do not know whose comment this is or what they voted
  const disabled = own || ctx.viewer === undefined;
  const cls = (on: boolean) =>
    `rounded px-1.5 text-sm ${on ? "bg-blue-700 text-white" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"} disabled:opacity-50 aria-disabled:opacity-50`;
  return (
    <span className="inline-flex items-center gap-1" title={own ? t("ownComment") : undefined}>
      <button
        type="button"
        className={cls(mine === 1)}
        aria-pressed={mine === 1}
        aria-label={t("upvote")}
        disabled={disabled}
        aria-disabled={busy || undefined}
        onClick={() => cast(1)}
      >
        ▲
      </button>
      {scoreText}
      <button
        type="button"
        className={cls(mine === -1)}
        aria-pressed={mine === -1}
        aria-label={t("downvote")}
        disabled={disabled}
        aria-disabled={busy || undefined}
        onClick={() => cast(-1)}
      >
        ▼
      </button>
    </span>
  );
}
