"use client";
// The discussion under an article (or one thread on a comment's own page). The first page arrives
// server-rendered inside the cached page and is readable without JavaScript; posting works without
// JavaScript too (the form posts to a server action). With JavaScript, everything that differs per
// reader — signed-in state, own votes, own held comments, reply/edit forms — is fetched by the client,
// and new comments from others arrive live over Server-Sent Events.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CommentSort, PollFilterOption, PublicComment, ViewerState } from "@/lib/comments/types";
import { commentsApi } from "./api";
import { CommentForm, type Limits } from "./CommentForm";
import { CommentList } from "./CommentItem";
import { type CommentsApi, CommentsContext } from "./context";
import { plural } from "./format";
import { appendReply, appendRoots, prependRoots, updateComment } from "./tree-state";
import { useLiveComments } from "./useLiveComments";
import { VotedOptionFilter } from "./VotedOptionFilter";

const SORTS: [CommentSort, string][] = [
  ["new", "Newest"],
  ["top", "Top"],
  ["old", "Oldest"],
];

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
  const { slug, mode, commentsOpen, maxDepth } = props;
  const [roots, setRoots] = useState(props.initial.comments);
  const [nextCursor, setNextCursor] = useState(props.initial.nextCursor);
  const [sort, setSort] = useState(props.initial.sort);
  const [votedOption, setVotedOption] = useState(props.votedOption ?? "");
  const filterOptions = props.filterOptions ?? [];
  const [state, setState] = useState<ViewerState | undefined>(undefined);
  const [votes, setVotes] = useState<Record<string, 1 | -1>>({});
  const [held, setHeld] = useState<PublicComment[]>([]);
  const [incoming, setIncoming] = useState<PublicComment[]>([]);
  const [live, setLive] = useState(false);
  // the live stream is open (data-live="connected"): tests wait for it instead of sleeping
  const [connected, setConnected] = useState(false);
  const [now, setNow] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const rootsRef = useRef(roots);
  rootsRef.current = roots;
  const viewerIdRef = useRef<string | null>(null);
  // the server's current limits (admin settings) arrive with the reader's state; until then the page's
  const limits = state?.limits ?? props.limits;
  const listHref = `/articles/${slug}/comments`;
  const signinHref = `/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}#comments`)}`;

  useEffect(() => {
    setLive(true);
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    commentsApi
      .mine(slug)
      .then((s) => {
        viewerIdRef.current = s.viewer?.id ?? null;
        setState(s);
        setVotes(s.votes);
        setHeld(s.pending);
      })
      .catch(() => setState({ viewer: null, votes: {}, pending: [] }));
    return () => clearInterval(tick);
  }, [slug]);

  // live updates from every instance
  useLiveComments({ slug, mode, rootsRef, viewerIdRef, setRoots, setIncoming, setConnected });

  const showIncoming = useCallback(() => {
    setRoots((list) => {
      let out = prependRoots(
        list,
        incoming.filter((c) => !c.parentId),
      );
      for (const c of incoming) if (c.parentId) out = appendReply(out, c.parentId, c);
      return out;
    });
    setIncoming([]);
  }, [incoming]);

  const api: CommentsApi = useMemo(
    () => ({
      slug,
      limits,
      viewer: state?.viewer,
      votes,
      maxDepth,
      live,
      now,
      signinHref,
      commentsOpen,
      async vote(c, value) {
        const r = await commentsApi.vote(c.id, value);
        setVotes((v) => {
          const next = { ...v };
          if (value === 0) delete next[c.id];
          else next[c.id] = value;
          return next;
        });
        setRoots((list) =>
          updateComment(list, c.id, (old) => ({
            ...old,
            score: r.score,
            upvotes: r.upvotes,
            downvotes: r.downvotes,
          })),
        );
      },
      async reply(parent, body, website) {
        const r = await commentsApi.post(slug, body, parent.id, website);
        const reply = r.status === "approved" ? r.comment : { ...r.comment, message: r.message };
        setRoots((list) => appendReply(list, parent.id, reply));
      },
      async edit(c, body) {
        const r = await commentsApi.edit(c.id, body);
        const next = r.status === "approved" ? r.comment : { ...r.comment, message: r.message };
        const merge = (old: PublicComment) => ({
          ...next,
          replies: old.replies,
          moreReplies: old.moreReplies,
          moreRepliesCursor: old.moreRepliesCursor,
          continueThread: old.continueThread,
        });
        setRoots((list) => updateComment(list, c.id, merge));
        setHeld((list) => updateComment(list, c.id, merge));
      },
      async remove(c) {
        await commentsApi.remove(c.id);
        const gone = (old: PublicComment): PublicComment => ({
          ...old,
          deleted: true,
          status: "deleted",
          bodyHtml: "",
          author: null,
          message: undefined,
        });
        if (c.status === "approved") setRoots((list) => updateComment(list, c.id, gone));
        else {
          setHeld((list) => list.filter((x) => x.id !== c.id));
          setRoots((list) => removeFrom(list, c.id));
        }
      },
      async report(c, reason, note) {
        await commentsApi.report(c.id, reason, note || undefined);
      },
      async moreReplies(c) {
        const r = await commentsApi.replies(c.id, c.moreRepliesCursor, maxDepth);
        setRoots((list) =>
          updateComment(list, c.id, (old) => ({
            ...old,
            replies: [...old.replies, ...r.comments.filter((x) => !old.replies.some((y) => y.id === x.id))],
            moreReplies: r.remaining,
            moreRepliesCursor: r.nextCursor,
          })),
        );
      },
    }),
    [slug, limits, state, votes, maxDepth, live, now, signinHref, commentsOpen],
  );

  async function postRoot(body: string, website: string) {
    const r = await commentsApi.post(slug, body, null, website);
    if (r.status === "approved") {
      setRoots((list) => prependRoots(list, [r.comment]));
      setStatus("Your comment is published.");
    } else {
      setHeld((list) => [{ ...r.comment, message: r.message }, ...list]);
      setStatus(r.message);
    }
  }

  async function changeSort(e: React.MouseEvent, s: CommentSort) {
    if (!live) return;
    e.preventDefault();
    if (s === sort || busy) return;
    setBusy(true);
    setListError(null);
    try {
      const page = await commentsApi.page(slug, s, null, votedOption || null);
      setRoots(page.comments);
      setNextCursor(page.nextCursor);
      setSort(page.sort);
      setIncoming([]);
    } catch {
      setListError("Could not load the comments. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  async function loadMore(e: React.MouseEvent) {
    if (!live || !nextCursor) return;
    e.preventDefault();
    setBusy(true);
    setListError(null);
    try {
      const page = await commentsApi.page(slug, sort, nextCursor, votedOption || null);
      setRoots((list) => appendRoots(list, page.comments));
      setNextCursor(page.nextCursor);
    } catch {
      setListError("Could not load more comments. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  async function changeFilter(option: string) {
    setVotedOption(option);
    if (!live) return;
    setBusy(true);
    setListError(null);
    try {
      const page = await commentsApi.page(slug, sort, null, option || null);
      setRoots(page.comments);
      setNextCursor(page.nextCursor);
      setIncoming([]);
    } catch {
      setListError("Could not load the comments. Please try again.");
    } finally {
      setBusy(false);
    }
  }
  const filterParam = votedOption ? `&votedOption=${encodeURIComponent(votedOption)}` : "";

  const viewer = state?.viewer;
  const focus = mode === "thread" ? roots[0] : undefined;

  return (
    <CommentsContext.Provider value={api}>
      <div
        className="mt-4 space-y-5"
        data-comments={mode}
        data-live={live ? (connected ? "connected" : "on") : undefined}
        data-reader={state ? "ready" : undefined}
      >
        {mode === "article" ? (
          <div>
            {!commentsOpen ? (
              <p className="rounded bg-zinc-100 p-3 dark:bg-zinc-900">Comments on this article are closed.</p>
            ) : state?.closedMessage ? (
              // quiet hours: said before anyone types, with the reopening time
              <p role="status" className="rounded bg-zinc-100 p-3 dark:bg-zinc-900">
                {state.closedMessage}
              </p>
            ) : live && state && !viewer ? (
              <p className="rounded bg-zinc-100 p-3 dark:bg-zinc-900">
                <a href={signinHref} className="font-medium">
                  Sign in
                </a>{" "}
                to join the discussion.
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
                label="Add a comment"
                submitLabel="Post comment"
                limits={limits}
                action={props.postAction}
                hidden={{ slug }}
                onSubmit={postRoot}
                note={
                  live ? null : (
                    <p className="text-sm text-zinc-600 dark:text-zinc-400">
                      You need to be <a href={signinHref}>signed in</a> to post.
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
        ) : null}

        {held.length > 0 ? (
          <section
            aria-labelledby="held-heading"
            className="rounded border border-amber-300 p-3 dark:border-amber-800"
          >
            <h3 id="held-heading" className="mb-2 text-base font-semibold">
              Your comments awaiting review
            </h3>
            <CommentList comments={held} />
          </section>
        ) : null}

        {mode === "article" ? (
          <nav aria-label="Sort comments" className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">Sort by</span>
            {SORTS.map(([s, label]) => (
              <a
                key={s}
                href={`${listHref}?sort=${s}${filterParam}`}
                onClick={(e) => changeSort(e, s)}
                aria-current={s === sort ? "true" : undefined}
                className={s === sort ? "font-semibold text-zinc-900 no-underline dark:text-zinc-100" : ""}
              >
                {label}
              </a>
            ))}
          </nav>
        ) : null}

        {mode === "article" && filterOptions.length > 0 ? (
          <VotedOptionFilter
            action={listHref}
            sort={sort}
            value={votedOption}
            options={filterOptions}
            live={live}
            onChange={(v) => void changeFilter(v)}
          />
        ) : null}

        {incoming.length > 0 && !votedOption ? (
          <div className="sticky top-2 z-10 flex justify-center">
            <button
              type="button"
              onClick={showIncoming}
              className="rounded-full bg-blue-700 px-4 py-1.5 text-sm font-medium text-white shadow hover:bg-blue-800"
            >
              {plural(incoming.length, "new comment")} — show
            </button>
          </div>
        ) : null}

        {roots.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            {votedOption
              ? "No comments from readers who voted this option."
              : "No comments yet. Start the discussion."}
          </p>
        ) : (
          <CommentList comments={roots} label={mode === "article" ? "Comments" : "Thread"} />
        )}

        {listError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {listError}
          </p>
        ) : null}
        {mode === "article" && nextCursor ? (
          <p>
            <a
              href={`${listHref}?sort=${sort}&cursor=${encodeURIComponent(nextCursor)}${filterParam}`}
              onClick={loadMore}
              aria-busy={busy || undefined}
              className="inline-block rounded border border-zinc-400 px-4 py-2 text-sm font-medium no-underline hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {busy ? "Loading…" : "Load more comments"}
            </a>
          </p>
        ) : null}

        {mode === "thread" && focus && !focus.deleted && commentsOpen && !(live && state && !viewer) ? (
          <div id="reply">
            <CommentForm
              label={`Reply to ${focus.author?.name ?? "this comment"}`}
              submitLabel="Post reply"
              limits={limits}
              action={props.postAction}
              hidden={{ slug, parentId: focus.id }}
              onSubmit={async (body, website) => {
                await api.reply(focus, body, website);
              }}
            />
          </div>
        ) : mode === "thread" && live && state && !viewer ? (
          <p id="reply">
            <a href={signinHref}>Sign in</a> to reply.
          </p>
        ) : null}
      </div>
    </CommentsContext.Provider>
  );
}

function removeFrom(list: PublicComment[], id: string): PublicComment[] {
  const out = list.filter((c) => c.id !== id);
  return out.map((c) => (c.replies.length ? { ...c, replies: removeFrom(c.replies, id) } : c));
}
