"use client";
// The parts of CommentsSection around the list: the box above it (form, closed, sign in, blocked),
// the sort links, the "new comments" button, the next-page link and the reply box of a thread page.
import { useTranslations } from "next-intl";
import type React from "react";
import type { CommentSort, PublicComment, ViewerState } from "@/lib/comments/types";
import { CommentForm, type Limits } from "./CommentForm";
import { focusComment } from "./focus";

const SORTS: CommentSort[] = ["new", "top", "old", "featured"];

export function ArticleCommentBox({
  slug,
  commentsOpen,
  state,
  live,
  limits,
  signinHref,
  postAction,
  onSubmit,
  status,
}: {
  slug: string;
  commentsOpen: boolean;
  state: ViewerState | undefined;
  live: boolean;
  limits: Limits;
  signinHref: string;
  postAction: (formData: FormData) => Promise<void>;
  onSubmit: (body: string, website: string) => Promise<void>;
  status: string | null;
}) {
  const t = useTranslations("Comments");
  const viewer = state?.viewer;
  return (
    <div>
      {!commentsOpen ? (
        <p className="rounded bg-zinc-100 p-3 dark:bg-zinc-900">{t("closed")}</p>
      ) : state?.closedMessage ? (
        // quiet hours: said before anyone types, with the reopening time
        <p role="status" className="rounded bg-zinc-100 p-3 dark:bg-zinc-900">
          {state.closedMessage}
        </p>
      ) : live && state && !viewer ? (
        <p className="rounded bg-zinc-100 p-3 dark:bg-zinc-900">
          {t.rich("signInToJoin", {
            link: (x) => (
              <a href={signinHref} className="font-medium">
                {x}
              </a>
            ),
          })}
        </p>
      ) : viewer && !viewer.canComment ? (
        <p
          role="status"
          className="rounded bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {viewer.blockedReason}
        </p>
      ) : (
        <CommentForm
          label={t("addComment")}
          submitLabel={t("postComment")}
          limits={limits}
          action={postAction}
          hidden={{ slug }}
          onSubmit={onSubmit}
          note={
            live ? null : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t.rich("needSignIn", { link: (x) => <a href={signinHref}>{x}</a> })}
              </p>
            )
          }
        />
      )}
      {status ? (
        <p role="status" className="mt-2 text-sm">
          {status}
        </p>
      ) : null}
    </div>
  );
}

export function SortNav({
  listHref,
  sort,
  filterParam,
  onSort,
}: {
  listHref: string;
  sort: CommentSort;
  filterParam: string;
  onSort: (e: React.MouseEvent, s: CommentSort) => void;
}) {
  const t = useTranslations("Comments");
  return (
    <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-3 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{t("sortBy")}</span>
      {SORTS.map((s) => (
        <a
          key={s}
          href={`${listHref}?sort=${s}${filterParam}`}
          onClick={(e) => onSort(e, s)}
          aria-current={s === sort ? "true" : undefined}
          className={s === sort ? "font-semibold text-zinc-900 no-underline dark:text-zinc-100" : ""}
        >
          {t(`sorts.${s}`)}
        </a>
      ))}
    </nav>
  );
}

export function NewCommentsButton({ count, onShow }: { count: number; onShow: () => void }) {
  const t = useTranslations("Comments");
  return (
    <div className="sticky top-2 z-10 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        className="rounded-full bg-blue-700 px-4 py-1.5 text-sm font-medium text-white shadow hover:bg-blue-800"
      >
        {t("newComments", { count })}
      </button>
    </div>
  );
}

export function LoadMoreLink({
  href,
  busy,
  onClick,
}: {
  href: string;
  busy: boolean;
  onClick: (e: React.MouseEvent) => void;
}) {
  const t = useTranslations("Comments");
  return (
    <p>
      <a
        href={href}
        onClick={onClick}
        aria-busy={busy || undefined}
        className="inline-block rounded border border-zinc-400 px-4 py-2 text-sm font-medium no-underline hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {busy ? t("loading") : t("loadMore")}
      </a>
    </p>
  );
}

/** The reply form under a thread's focus comment (or "Sign in to reply"). */
export function ThreadReplyBox({
  slug,
  focus,
  commentsOpen,
  signedOut,
  limits,
  postAction,
  onReply,
  signinHref,
}: {
  slug: string;
  focus: PublicComment | undefined;
  commentsOpen: boolean;
  /** the reader's state has loaded and nobody is signed in */
  signedOut: boolean;
  limits: Limits;
  postAction: (formData: FormData) => Promise<void>;
  onReply: (focus: PublicComment, body: string, website?: string) => Promise<string>;
  signinHref: string;
}) {
  const t = useTranslations("Comments");
  if (focus && !focus.deleted && commentsOpen && !signedOut)
    return (
      <div id="reply">
        <CommentForm
          label={focus.author?.name ? t("replyTo", { name: focus.author.name }) : t("replyToThis")}
          submitLabel={t("postReply")}
          limits={limits}
          action={postAction}
          hidden={{ slug, parentId: focus.id }}
          onSubmit={async (body, website) => {
            focusComment(await onReply(focus, body, website));
          }}
        />
      </div>
    );
  if (signedOut)
    return <p id="reply">{t.rich("signInToReply", { link: (x) => <a href={signinHref}>{x}</a> })}</p>;
  return null;
}
