import { apiLocale, checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { editInput } from "@/lib/comments/input";
import { localizeComment, localizeResult } from "@/lib/comments/localize";
import { getCommentForViewer } from "@/lib/comments/read";
import { deleteComment, editComment } from "@/lib/comments/write";
import { withDb } from "@/lib/db";
import { ipHash } from "@/lib/http/client";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** One comment (with its source text for its author and moderators). */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(localizeComment(await withDb(getCommentForViewer, await getViewer(req), id), apiLocale(req)));
});

/** The author edits their comment within the edit window. */
export const PATCH = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "comment");
  const { id } = await ctx.params;
  const input = await readBody(req, editInput);
  const r = await withDb(editComment, viewer, id, { body: input.body, ipHash: ipHash(req) });
  const { message, comment } = localizeResult(r, apiLocale(req));
  return json({ id: r.id, status: r.status, message, comment });
});

/** The author deletes their comment ("[deleted]" keeps its replies in place). */
export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "comment");
  const { id } = await ctx.params;
  return json(await withDb(deleteComment, viewer, id));
});
