import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { createToken, listTokens, tokenCreateSchema } from "@/lib/auth/api-tokens";
import { assertNotToken, requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Your personal API tokens (moderators and admins); secrets are never listed. */
export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  assertNotToken(viewer);
  return json({ items: await withDb(listTokens, viewer.id) });
});

/** Creates a token; its secret is in this answer only. */
export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  assertNotToken(viewer);
  checkOrigin(req);
  const { name } = await readBody(req, tokenCreateSchema);
  return json(await withDb(createToken, viewer.id, name), { status: 201 });
});
