import { apiLocale, handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { requireViewer } from "@/lib/auth/permissions";
import { notificationsOf } from "@/lib/notifications/api";
import { listQuery } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";

/** The reader's notifications, newest first: {notifications:[{id, kind, read, url, ...}], unread, nextCursor}. */
export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "account");
  return json(await notificationsOf(viewer.id, readQuery(req, listQuery), apiLocale(req)), {
    headers: { "cache-control": "private, no-store" },
  });
});
