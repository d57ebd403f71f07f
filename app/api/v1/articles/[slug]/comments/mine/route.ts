import { apiLocale, handle, json } from "@/lib/api/http";
import { decide } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { requireCommentArticle } from "@/lib/comments/articles";
import { localizeViewerState } from "@/lib/comments/localize";
import { getViewerState } from "@/lib/comments/read";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** This reader's side of the article's comments: who they are, their votes, their held comments. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const article = await withDb(requireCommentArticle, slug);
  const viewer = await getViewer(req);
  const d = decide(viewer, "comment");
  const state = await withDb(
    getViewerState,
    viewer,
    article,
    d.ok ? { ok: true } : { ok: false, message: d.message },
  );
  return json(localizeViewerState(state, apiLocale(req)));
});
