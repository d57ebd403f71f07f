"use client";
// The section's API for its comments (CommentsContext): vote, reply, edit, delete, report and load
// more replies, each calling the JSON API and then updating the tree in place.
import { type Dispatch, type SetStateAction, useMemo } from "react";
import type { PublicComment, ViewerState } from "@/lib/comments/types";
import { commentsApi } from "./api";
import type { Limits } from "./CommentForm";
import type { CommentsApi } from "./context";
import { appendReply, removeFrom, updateComment } from "./tree-state";

export function useCommentActions({
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
}: {
  slug: string;
  limits: Limits;
  state: ViewerState | undefined;
  votes: Record<string, 1 | -1>;
  maxDepth: number;
  live: boolean;
  now: number;
  signinHref: string;
  commentsOpen: boolean;
  setVotes: Dispatch<SetStateAction<Record<string, 1 | -1>>>;
  setRoots: Dispatch<SetStateAction<PublicComment[]>>;
  setHeld: Dispatch<SetStateAction<PublicComment[]>>;
}): CommentsApi {
  return useMemo(
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
        return reply.id;
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
        const added = r.comments.filter((x) => !c.replies.some((y) => y.id === x.id));
        setRoots((list) =>
          updateComment(list, c.id, (old) => ({
            ...old,
            replies: [...old.replies, ...r.comments.filter((x) => !old.replies.some((y) => y.id === x.id))],
            moreReplies: r.remaining,
            moreRepliesCursor: r.nextCursor,
          })),
        );
        return added[0]?.id ?? null;
      },
    }),
    [slug, limits, state, votes, maxDepth, live, now, signinHref, commentsOpen, setVotes, setRoots, setHeld],
  );
}
