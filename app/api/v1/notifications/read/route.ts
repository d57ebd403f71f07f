import { getDb } from "@/db/client";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { publishUnread } from "@/lib/notifications/live";
import { markRead, markReadInput } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";

/** {ids: [...]} or {all: true}: marks the reader's notifications read; answers {marked, unread}. */
export const POST = handle(async (req: Request) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const input = await readBody(req, markReadInput);
  const out = await markRead(await getDb(), viewer.id, input);
  if (out.marked) await publishUnread([viewer.id]);
  return json(out);
});
