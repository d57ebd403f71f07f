import { z } from "zod";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { followState, followThread } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const input = z.object({ follow: z.boolean({ error: "follow must be true or false" }) }).strict();

/**
 * Whether the reader follows the thread this comment belongs to; `{following: null}` when signed out
 * (asked after the cached page loads, like the bell: signed-out readers see no button and no error).
 */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const viewer = await getViewer(req);
  const { id } = await ctx.params;
  const following = viewer ? await followState(viewer.id, id) : null;
  return json({ following }, { headers: { "cache-control": "private, no-store" } });
});

/** {follow: true|false}: follow or mute the thread (authors and repliers follow automatically). */
export const PUT = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const { id } = await ctx.params;
  const { follow } = await readBody(req, input);
  return json(await followThread(viewer.id, id, follow));
});
