"use client";
import { useTranslations } from "next-intl";
// The list of threads shown: its sort, its "readers who voted" filter, the next page, and the new
// comments from others waiting to be shown.
import type React from "react";
import { useCallback, useRef, useState } from "react";
import type { CommentSort, PublicComment } from "@/lib/comments/types";
import { commentsApi } from "./api";
import { focusComment } from "./focus";
import { appendReply, appendRoots, prependRoots } from "./tree-state";

export function useCommentList({
  slug,
  initial,
  initialVotedOption,
  live,
}: {
  slug: string;
  initial: { comments: PublicComment[]; nextCursor: string | null; sort: CommentSort };
  initialVotedOption: string;
  live: boolean;
}) {
  const t = useTranslations("Comments");
  const [roots, setRoots] = useState(initial.comments);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [sort, setSort] = useState(initial.sort);
  const [votedOption, setVotedOption] = useState(initialVotedOption);
  const [incoming, setIncoming] = useState<PublicComment[]>([]);
  const [busy, setBusy] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const rootsRef = useRef(roots);
  rootsRef.current = roots;

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
    // the button that was pressed goes away: focus the first comment it showed
    if (incoming[0]) focusComment(incoming[0].id);
  }, [incoming]);

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
      setListError(t("listFailed"));
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
      // the link may be gone (last page): focus moves to the first comment it brought, not <body>
      if (page.comments[0]) focusComment(page.comments[0].id);
    } catch {
      setListError(t("moreFailed"));
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
      setListError(t("listFailed"));
    } finally {
      setBusy(false);
    }
  }

  return {
    roots,
    setRoots,
    rootsRef,
    nextCursor,
    sort,
    votedOption,
    incoming,
    setIncoming,
    showIncoming,
    busy,
    listError,
    changeSort,
    loadMore,
    changeFilter,
  };
}
