import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { articleUpdateSchema, getArticleForEdit, updateArticle } from "@/lib/articles/editor";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireViewer(req, "admin");
  const { id } = await ctx.params;
  return json({ article: await withDb(getArticleForEdit, id) });
});

/** Whole or partial: only the fields sent change (e.g. {"status":"published"} or {"commentsOpen":false}). */
export const PUT = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  const input = await readBody(req, articleUpdateSchema, 512 * 1024);
  const r = await withDb(updateArticle, id, input, viewer.id);
  return json({ changed: r.changed, article: await withDb(getArticleForEdit, r.id) });
});
