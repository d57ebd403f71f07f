import { getDb } from "@/db/client";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import { followUpInput, listShortlist, readFollowUp, saveFollowUp } from "@/lib/followup";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The article's block (draft or published) and its shortlist. */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  await requireViewer(req, "moderate");
  const { id } = await ctx.params;
  if (!UUID.test(id)) throw new NotFound("No such article.");
  const db = await getDb();
  const [followUp, shortlist] = await Promise.all([
    readFollowUp(db, id, { includeDraft: true }),
    listShortlist(db, id),
  ]);
  return json({ followUp, shortlist });
});

/** {text, commentIds, published}: saves the block; published takes the poll results now (audited). */
export const PUT = handle(async (req: Request, ctx: Ctx) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const input = await readBody(req, followUpInput);
  return json(await saveFollowUp(await getDb(), (await ctx.params).id, input, viewer.id));
});
