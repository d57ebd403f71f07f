import { handle } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { unreadOf } from "@/lib/notifications/api";
import { unreadStream } from "@/lib/notifications/live";
import { sseResponse } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

/** Server-Sent Events for the bell: `event: unread` {unread} now and on every change. */
export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "account");
  const first = await unreadOf(viewer.id);
  return sseResponse(unreadStream(viewer.id, first, req.signal));
});
