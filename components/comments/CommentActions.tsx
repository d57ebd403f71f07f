"use client";
// A published comment's footer: votes, then Reply, Edit, Delete, Report and (for staff) Shortlist.
import { useTranslations } from "next-intl";
import { ShortlistButton } from "@/components/discovery/ShortlistButton";
import type { PublicComment } from "@/lib/comments/types";
import { CommentVotes } from "./CommentVotes";
import type { useCommentItem } from "./useCommentItem";

const linkButton = "comment-action";

export function CommentActions({ c, item }: { c: PublicComment; item: ReturnType<typeof useCommentItem> }) {
  const t = useTranslations("Comments");
  const { ctx, mode, toggle, own, editable } = item;
  return (
    <footer className="comment-actions">
      <CommentVotes c={c} own={own} onNotice={item.setNotice} />
      {!c.deleted && ctx.commentsOpen ? (
        ctx.live ? (
          <button
            type="button"
            className={linkButton}
            onClick={() => toggle("reply")}
            aria-expanded={mode === "reply"}
          >
            {t("reply")}
          </button>
        ) : (
          <a href={`${c.url}#reply`} className={linkButton}>
            {t("reply")}
          </a>
        )
      ) : null}
      {editable && ctx.live ? (
        <button type="button" className={linkButton} onClick={item.openEdit}>
          {t("edit")}
        </button>
      ) : null}
      {own && !c.deleted && ctx.live ? (
        <button type="button" className={linkButton} onClick={item.remove}>
          {t("delete")}
        </button>
      ) : null}
      {!own && !c.deleted && ctx.live && ctx.viewer ? (
        <button
          type="button"
          className={linkButton}
          onClick={() => toggle("report")}
          aria-expanded={mode === "report"}
        >
          {t("report")}
        </button>
      ) : null}
      {!c.deleted && ctx.live && (ctx.viewer?.role === "moderator" || ctx.viewer?.role === "admin") ? (
        <ShortlistButton commentId={c.id} className={linkButton} />
      ) : null}
    </footer>
  );
}
