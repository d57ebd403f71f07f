import { getDb } from "@/db/client";
import { ApiError, checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { createToken, listTokens, tokenCreateSchema } from "@/lib/auth/api-tokens";
import { assertNotToken, requireViewer } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/** Your personal API tokens (moderators and admins); secrets are never listed. */
export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  assertNotToken(viewer);
  return json({ items: await listTokens(await getDb(), viewer.id) });
});

/** Creates a token; its secret is in this answer only. */
export const POST = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  assertNotToken(viewer);
  if (viewer.via === "token")
    throw new ApiError(
      403,
      "forbidden",
      "Create tokens while signed in on your account page, not with a token.",
    );
  checkOrigin(req);
  const { name } = await readBody(req, tokenCreateSchema);
  return json(await createToken(await getDb(), viewer.id, name), { status: 201 });
});
