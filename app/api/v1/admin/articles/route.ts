import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { articleCreateSchema, createArticle, listArticlesAdmin } from "@/lib/articles/editor";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json({ items: await withDb(listArticlesAdmin) });
});

export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const input = await readBody(req, articleCreateSchema, 512 * 1024);
  return json({ article: await withDb(createArticle, input, viewer.id) }, { status: 201 });
});
