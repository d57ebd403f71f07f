import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { addModeratorNote, userNoteSchema } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(req, "moderate");
  checkOrigin(req);
  const { id } = await ctx.params;
  const { note } = await readBody(req, userNoteSchema);
  return json({ note: await withDb(addModeratorNote, id, note, viewer) }, { status: 201 });
});
