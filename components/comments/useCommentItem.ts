"use client";
import { useTranslations } from "next-intl";
// One comment's local state: which form is open (reply, edit, report), its notice, its own-ness and
// the handlers that call the section's API.
import type React from "react";
import { useState } from "react";
import type { PublicComment } from "@/lib/comments/types";
import { ApiCallError, commentsApi } from "./api";
import { useComments } from "./context";
import { focusComment } from "./focus";

export type ItemMode = null | "reply" | "edit" | "report";

export function useCommentItem(c: PublicComment) {
  const t = useTranslations("Comments");
  const ctx = useComments();
  const [mode, setMode] = useState<ItemMode>(null);
  const [source, setSource] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const own = Boolean(ctx.viewer && c.author && c.author.id === ctx.viewer.id);
  const editable =
    own && !c.deleted && ctx.now - new Date(c.createdAt).getTime() < ctx.limits.editWindowMinutes * 60_000;

  async function openEdit() {
    setNotice(null);
    try {
      const full = await commentsApi.source(c.id);
      setSource(full.body ?? "");
      setMode("edit");
    } catch (e) {
      setNotice(e instanceof ApiCallError ? e.message : t("loadFailed"));
    }
  }

  async function remove() {
    if (!window.confirm(t("confirmDelete"))) return;
    try {
      await ctx.remove(c);
      // the Delete button is gone: focus the comment, now "[deleted]" (a held one leaves the list)
      focusComment(c.id);
    } catch (e) {
      setNotice(e instanceof ApiCallError ? e.message : t("deleteFailed"));
    }
  }

  async function more(e: React.MouseEvent) {
    if (!ctx.live) return;
    e.preventDefault();
    setLoadingMore(true);
    try {
      // the button goes away with the last replies: focus the first reply it brought, not <body>
      const first = await ctx.moreReplies(c);
      if (first) focusComment(first);
    } catch (err) {
      setNotice(err instanceof ApiCallError ? err.message : t("repliesFailed"));
    } finally {
      setLoadingMore(false);
    }
  }

  /** opens `m`, or closes it when it is already open */
  const toggle = (m: Exclude<ItemMode, null>) => setMode(mode === m ? null : m);

  return {
    ctx,
    mode,
    setMode,
    toggle,
    source,
    notice,
    setNotice,
    loadingMore,
    own,
    editable,
    openEdit,
    remove,
    more,
  };
}
