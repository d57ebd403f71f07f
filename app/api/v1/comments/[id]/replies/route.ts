import { handle, json, validate } from "@/lib/api/http";
import { repliesQuery } from "@/lib/comments/input";
import { getReplies } from "@/lib/comments/read";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Replies of a comment beyond those shown ("show N more replies"), oldest first. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const q = validate(repliesQuery, Object.fromEntries(new URL(req.url).searchParams));
  return json(await withDb(getReplies, id, { cursor: q.cursor, limit: q.limit, depth: q.depth }));
});
