import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { feedbackBodySchema, feedbackFor, giveFeedback } from "@/lib/feedback/service";
import { ipHash } from "@/lib/http/client";
import { voterForRequest, withVoterCookie } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/** The article's rating and helpfulness figures, and this reader's own answers. */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const voter = await voterForRequest(req.headers);
  return withVoterCookie(json(await withDb(feedbackFor, slug, voter.key)), voter);
});

/** Rates the article (1–5) and/or answers "was this helpful"; a field left out is kept, null clears it. */
export const PUT = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const { slug } = await ctx.params;
  const change = await readBody(req, feedbackBodySchema);
  const voter = await voterForRequest(req.headers, { create: true });
  const state = await withDb(
    giveFeedback,
    slug,
    { key: voter.key!, viewer: voter.viewer },
    change,
    ipHash(req),
  );
  return withVoterCookie(json(state), voter);
});
