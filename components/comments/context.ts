"use client";
import { createContext, useContext } from "react";
import type { PublicComment, ViewerState } from "@/lib/comments/types";
import type { Limits } from "./CommentForm";

export interface CommentsApi {
  slug: string;
  limits: Limits;
  /** null until the reader's state has loaded (and on the server) */
  viewer: ViewerState["viewer"] | undefined;
  votes: Record<string, 1 | -1>;
  /** deepest absolute depth nested in this view */
  maxDepth: number;
  /** true once the page runs with JavaScript */
  live: boolean;
  now: number;
  signinHref: string;
  commentsOpen: boolean;
  vote(c: PublicComment, value: 1 | -1 | 0): Promise<void>;
  /** resolves to the new reply's id */
  reply(parent: PublicComment, body: string, website?: string): Promise<string>;
  edit(c: PublicComment, body: string): Promise<void>;
  remove(c: PublicComment): Promise<void>;
  report(c: PublicComment, reason: string, note: string): Promise<void>;
  /** loads the next replies of `c`; the id of the first one it added (null when none was new) */
  moreReplies(c: PublicComment): Promise<string | null>;
}

export const CommentsContext = createContext<CommentsApi | null>(null);

export function useComments(): CommentsApi {
  const v = useContext(CommentsContext);
  if (!v) throw new Error("useComments outside CommentsSection");
  return v;
}
