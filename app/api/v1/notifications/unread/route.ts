import { handle, json } from "@/lib/api/http";
import { getViewer } from "@/lib/auth/viewer";
import { unreadOf } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

/** The bell: {unread} for a signed-in reader, {unread: null} otherwise (fetched after the cached page loads). */
export const GET = handle(async (req: Request) => {
  const viewer = await getViewer(req);
  const unread = viewer ? await unreadOf(viewer.id) : null;
  return json({ unread }, { headers: { "cache-control": "private, no-store" } });
});
