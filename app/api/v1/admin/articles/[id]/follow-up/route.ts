import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { isUuid, withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { followUpInput, listShortlist, readFollowUp, saveFollowUp } from "@/lib/followup";
import { msg } from "@/lib/i18n/text";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The article's block (draft or published) and its shortlist. */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  await requireViewer(req, "moderate");
  const { id } = await ctx.params;
  if (!isUuid(id)) throw new NotFound(msg("Api.routes.noSuchArticle"));
  const [followUp, shortlist] = await Promise.all([
    withDb(readFollowUp, id, { includeDraft: true }),
    withDb(listShortlist, id),
  ]);
  return json({ followUp, shortlist });
});

/** {text, commentIds, published}: saves the block; published takes the poll results now (audited). */
export const PUT = handle(async (req: Request, ctx: Ctx) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const input = await readBody(req, followUpInput);
  return json(await withDb(saveFollowUp, (await ctx.params).id, input, viewer.id));
});
