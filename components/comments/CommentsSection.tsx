"use client";
// The discussion under an article (or one thread on a comment's own page). The first page arrives
// server-rendered inside the cached page and is readable without JavaScript; posting works without
// JavaScript too (the form posts to a server action). With JavaScript, everything that differs per
// reader — signed-in state, own votes, own held comments, reply/edit forms — is fetched by the client,
// and new comments from others arrive live over Server-Sent Events.
// State lives in hooks (useReaderState, useCommentList, useCommentActions, useLiveComments); the
// pieces around the list in CommentsSectionParts.
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CommentSort, PollFilterOption, PublicComment } from "@/lib/comments/types";
import { commentsApi } from "./api";
import type { Limits } from "./CommentForm";
import { CommentList } from "./CommentItem";
import {
  ArticleCommentBox,
  LoadMoreLink,
  NewCommentsButton,
  SortNav,
  ThreadReplyBox,
} from "./CommentsSectionParts";
import { CommentsContext } from "./context";
import { focusComment } from "./focus";
import { prependRoots } from "./tree-state";
import { useCommentActions } from "./useCommentActions";
import { useCommentList } from "./useCommentList";
import { useLiveComments } from "./useLiveComments";
import { useReaderState } from "./useReaderState";
import { VotedOptionFilter } from "./VotedOptionFilter";

export interface CommentsSectionProps {
  slug: string;
  mode: "article" | "thread";
  initial: { comments: PublicComment[]; nextCursor: string | null; sort: CommentSort };
  commentsOpen: boolean;
  limits: Limits;
  /** deepest absolute depth nested in this view */
  maxDepth: number;
  /** server action behind the forms, for posting without JavaScript */
  postAction: (formData: FormData) => Promise<void>;
  /** the article's poll options, for the "readers who voted" filter (none: no filter shown) */
  filterOptions?: PollFilterOption[];
  /** the option the initial list is filtered by (the no-JS comments page) */
  votedOption?: string | null;
}

export function CommentsSection(props: CommentsSectionProps) {
  const t = useTranslations("Comments");
  const { slug, mode, commentsOpen, maxDepth } = props;
  const filterOptions = props.filterOptions ?? [];
  const { state, votes, setVotes, held, setHeld, live, now, viewerIdRef } = useReaderState(slug);
  const list = useCommentList({
    slug,
    initial: props.initial,
    initialVotedOption: props.votedOption ?? "",
    live,
  });
  const { roots, setRoots, sort, votedOption, nextCursor, busy } = list;
  // the live stream is open (data-live="connected"): tests wait for it instead of sleeping
  const [connected, setConnected] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  // the server's current limits (admin settings) arrive with the reader's state; until then the page's
  const limits = state?.limits ?? props.limits;
  const listHref = `/articles/${slug}/comments`;
  const signinHref = `/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}#comments`)}`;

  // live updates from every instance
  useLiveComments({
    slug,
    mode,
    rootsRef: list.rootsRef,
    viewerIdRef,
    setRoots,
    setIncoming: list.setIncoming,
    setConnected,
  });

  const api = useCommentActions({
    slug,
    limits,
    state,
    votes,
    maxDepth,
    live,
    now,
    signinHref,
    commentsOpen,
    setVotes,
    setRoots,
    setHeld,
  });

  async function postRoot(body: string, website: string) {
    const r = await commentsApi.post(slug, body, null, website);
    if (r.status === "approved") {
      setRoots((l) => prependRoots(l, [r.comment]));
      setStatus(t("published"));
    } else {
      setHeld((l) => [{ ...r.comment, message: r.message }, ...l]);
      setStatus(r.message);
    }
    // the new comment (published, or under "awaiting review" with why), not <body>
    focusComment(r.comment.id);
  }

  const filterParam = votedOption ? `&votedOption=${encodeURIComponent(votedOption)}` : "";
  const signedOut = Boolean(live && state && !state.viewer);

  return (
    <CommentsContext.Provider value={api}>
      <div
        className="mt-4 space-y-5"
        data-comments={mode}
        data-live={live ? (connected ? "connected" : "on") : undefined}
        data-reader={state ? "ready" : undefined}
      >
        {mode === "article" ? (
          <ArticleCommentBox
            slug={slug}
            commentsOpen={commentsOpen}
            state={state}
            live={live}
            limits={limits}
            signinHref={signinHref}
            postAction={props.postAction}
            onSubmit={postRoot}
            status={status}
          />
        ) : null}

        {held.length > 0 ? (
          <section
            aria-labelledby="held-heading"
            className="rounded border border-amber-300 p-3 dark:border-amber-800"
          >
            <h3 id="held-heading" className="mb-2 text-base font-semibold">
              {t("awaiting")}
            </h3>
            <CommentList comments={held} />
          </section>
        ) : null}

        {mode === "article" ? (
          <SortNav listHref={listHref} sort={sort} filterParam={filterParam} onSort={list.changeSort} />
        ) : null}

        {mode === "article" && filterOptions.length > 0 ? (
          <VotedOptionFilter
            action={listHref}
            sort={sort}
            value={votedOption}
            options={filterOptions}
            live={live}
            onChange={(v) => void list.changeFilter(v)}
          />
        ) : null}

        {list.incoming.length > 0 && !votedOption ? (
          <NewCommentsButton count={list.incoming.length} onShow={list.showIncoming} />
        ) : null}

        {roots.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">{votedOption ? t("noneForOption") : t("none")}</p>
        ) : (
          <CommentList comments={roots} label={mode === "article" ? t("listLabel") : t("thread")} />
        )}

        {list.listError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {list.listError}
          </p>
        ) : null}
        {mode === "article" && nextCursor ? (
          <LoadMoreLink
            href={`${listHref}?sort=${sort}&cursor=${encodeURIComponent(nextCursor)}${filterParam}`}
            busy={busy}
            onClick={list.loadMore}
          />
        ) : null}

        {mode === "thread" ? (
          <ThreadReplyBox
            slug={slug}
            focus={roots[0]}
            commentsOpen={commentsOpen}
            signedOut={signedOut}
            limits={limits}
            postAction={props.postAction}
            onReply={api.reply}
            signinHref={signinHref}
          />
        ) : null}
      </div>
    </CommentsContext.Provider>
  );
}
