import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { createToken, listTokens, tokenCreateSchema } from "@/lib/auth/api-tokens";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Your personal API tokens (moderators and admins); secrets are never listed. */
export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  return json({ items: await withDb(listTokens, viewer.id) });
});

/** Creates a token; its secret is in this answer only. */
export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  if (viewer.via === "token")
    throw new Forbidden("Create tokens while signed in on your account page, not with a token.");
  checkOrigin(req);
  const { name } = await readBody(req, tokenCreateSchema);
  return json(await withDb(createToken, viewer.id, name), { status: 201 });
});
