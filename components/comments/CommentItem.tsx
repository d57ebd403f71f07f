"use client";
// One comment with its replies. Its parts: CommentHeader, CommentActions (votes and buttons), the
// forms (CommentForm for reply and edit, ReportForm); its state and handlers: useCommentItem.
import { useTranslations } from "next-intl";
import { lazy, Suspense } from "react";
import type { PublicComment } from "@/lib/comments/types";
import { CommentActions } from "./CommentActions";
import { CommentForm } from "./CommentForm";
import { CommentHeader } from "./CommentHeader";
import { focusComment, focusWhenShown } from "./focus";
import { useCommentItem } from "./useCommentItem";

// the report form is loaded when a reader first opens it: it is not part of the page's first-load JS
const ReportForm = lazy(() => import("./ReportForm").then((m) => ({ default: m.ReportForm })));

export function CommentList({ comments, label }: { comments: PublicComment[]; label?: string }) {
  return (
    <ol className="space-y-4" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} c={c} />
      ))}
    </ol>
  );
}

export function CommentItem({ c }: { c: PublicComment }) {
  const t = useTranslations("Comments");
  const item = useCommentItem(c);
  const { ctx, mode, setMode, source, notice } = item;

  return (
    <li id={`c-${c.id}`} className="comment">
      <article data-comment-id={c.id} data-depth={c.depth}>
        <CommentHeader c={c} />
        {c.deleted ? (
          <p className="mt-1 italic text-zinc-600 dark:text-zinc-400">{t("deleted")}</p>
        ) : mode === "edit" && source != null ? (
          <CommentForm
            label={t("editLabel")}
            submitLabel={t("save")}
            initial={source}
            limits={ctx.limits}
            autoFocus
            onCancel={() => setMode(null)}
            onSubmit={async (body) => {
              await ctx.edit(c, body);
              setMode(null);
              focusComment(c.id);
            }}
          />
        ) : (
          <div className="comment-body mt-1 break-words" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        )}
        {c.message ? (
          <p
            role="status"
            className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {t.rich(c.status === "rejected" || c.status === "spam" ? "onlyYouAppeal" : "onlyYou", {
              message: c.message,
              mine: (x) => <a href="/account/comments">{x}</a>,
            })}
          </p>
        ) : null}
        {c.status === "approved" || c.deleted ? <CommentActions c={c} item={item} /> : null}
        {notice ? (
          <p id={`n-${c.id}`} role="status" className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {notice}
          </p>
        ) : null}
        {mode === "reply" ? (
          ctx.viewer ? (
            <CommentForm
              label={c.author?.name ? t("replyTo", { name: c.author.name }) : t("replyToThis")}
              submitLabel={t("postReply")}
              limits={ctx.limits}
              autoFocus
              onCancel={() => setMode(null)}
              onSubmit={async (body, website) => {
                const id = await ctx.reply(c, body, website);
                setMode(null);
                focusComment(id);
              }}
            />
          ) : (
            <p className="mt-2 text-sm">
              {t.rich("signInToReply", { link: (x) => <a href={ctx.signinHref}>{x}</a> })}
            </p>
          )
        ) : null}
        {mode === "report" ? (
          <Suspense fallback={null}>
            <ReportForm
              onCancel={() => setMode(null)}
              onSubmit={async (reason, note) => {
                await ctx.report(c, reason, note);
                setMode(null);
                item.setNotice(t("reported"));
                focusWhenShown(`n-${c.id}`);
              }}
            />
          </Suspense>
        ) : null}
      </article>
      {c.replies.length > 0 ? (
        <ol
          className="comment-replies"
          aria-label={
            c.deleted
              ? t("repliesToDeleted")
              : c.author?.name
                ? t("repliesTo", { name: c.author.name })
                : t("repliesToThis")
          }
        >
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} />
          ))}
        </ol>
      ) : null}
      {c.moreReplies > 0 ? (
        <p className="mt-2 ps-3 sm:ps-5">
          <a
            href={c.url}
            onClick={item.more}
            className="text-sm font-medium"
            aria-busy={item.loadingMore || undefined}
          >
            {item.loadingMore ? t("loading") : t("showMore", { count: c.moreReplies })}
          </a>
        </p>
      ) : null}
      {c.continueThread ? (
        <p className="mt-2 ps-3 sm:ps-5">
          <a href={c.url} className="text-sm font-medium">
            {t("continueThread", { count: c.replyCount })}
          </a>
        </p>
      ) : null}
    </li>
  );
}
