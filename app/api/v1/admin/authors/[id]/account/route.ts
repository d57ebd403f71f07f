import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { authorAccountSchema, setAuthorAccount } from "@/lib/articles/author-accounts";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Links the author to a reader account by e-mail ({"email": "…"}) or unlinks it ({"email": null}); admins only, audited. */
export const PUT = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "admin");
  checkOrigin(req);
  const { id } = await ctx.params;
  const input = await readBody(req, authorAccountSchema);
  return json(await withDb(setAuthorAccount, id, input, viewer.id));
});
