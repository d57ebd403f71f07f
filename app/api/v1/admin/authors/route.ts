import { handle, json } from "@/lib/api/http";
import { listAuthors } from "@/lib/articles/editor";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  return json({ items: await withDb(listAuthors) });
});
