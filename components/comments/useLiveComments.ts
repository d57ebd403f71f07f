"use client";
// New comments, edits, scores and removals from every instance, over Server-Sent Events: a new comment
// from someone else waits in `incoming` (shown on request); changes to shown comments apply in place.
import { type Dispatch, type RefObject, type SetStateAction, useEffect } from "react";
import type { PublicComment } from "@/lib/comments/types";
import { findComment, updateComment } from "./tree-state";

export function useLiveComments({
  slug,
  mode,
  rootsRef,
  viewerIdRef,
  setRoots,
  setIncoming,
  setConnected,
}: {
  slug: string;
  mode: "article" | "thread";
  rootsRef: RefObject<PublicComment[]>;
  viewerIdRef: RefObject<string | null>;
  setRoots: Dispatch<SetStateAction<PublicComment[]>>;
  setIncoming: Dispatch<SetStateAction<PublicComment[]>>;
  /** the stream is open (the section shows it as data-live="connected": tests wait for it) */
  setConnected: (open: boolean) => void;
}): void {
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const es = new EventSource(`/api/v1/articles/${encodeURIComponent(slug)}/comments/stream`);
    const onComment = (e: MessageEvent) => {
      const c = (JSON.parse(e.data) as { comment: PublicComment }).comment;
      if (c.author && c.author.id === viewerIdRef.current) return;
      if (findComment(rootsRef.current, c.id)) return;
      if (c.parentId ? !findComment(rootsRef.current, c.parentId) : mode !== "article") return;
      setIncoming((list) => (list.some((x) => x.id === c.id) ? list : [...list, c]));
    };
    const onUpdate = (e: MessageEvent) => {
      const c = (JSON.parse(e.data) as { comment: PublicComment }).comment;
      setRoots((list) =>
        updateComment(list, c.id, (old) => ({
          ...old,
          bodyHtml: c.bodyHtml,
          deleted: c.deleted,
          status: c.status,
          author: c.author,
          editedAt: c.editedAt,
        })),
      );
    };
    const onScore = (e: MessageEvent) => {
      const s = JSON.parse(e.data) as { id: string; score: number; upvotes: number; downvotes: number };
      setRoots((list) =>
        updateComment(list, s.id, (old) => ({
          ...old,
          score: s.score,
          upvotes: s.upvotes,
          downvotes: s.downvotes,
        })),
      );
    };
    const onRemoved = (e: MessageEvent) => {
      const { id } = JSON.parse(e.data) as { id: string };
      setRoots((list) =>
        updateComment(list, id, (old) => ({
          ...old,
          deleted: true,
          status: "deleted",
          bodyHtml: "",
          author: null,
        })),
      );
    };
    es.addEventListener("removed", onRemoved);
    es.addEventListener("comment", onComment);
    es.addEventListener("update", onUpdate);
    es.addEventListener("score", onScore);
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    return () => {
      es.close();
      setConnected(false);
    };
  }, [slug, mode, rootsRef, viewerIdRef, setRoots, setIncoming, setConnected]);
}
