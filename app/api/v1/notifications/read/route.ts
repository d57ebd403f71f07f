import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { markReadFor } from "@/lib/notifications/api";
import { publishUnread } from "@/lib/notifications/live";
import { markReadInput } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";

/** {ids: [...]} or {all: true}: marks the reader's notifications read; answers {marked, unread}. */
export const POST = handle(async (req: Request) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const input = await readBody(req, markReadInput);
  const out = await markReadFor(viewer.id, input);
  if (out.marked) await publishUnread([viewer.id]);
  return json(out);
});
