import { handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { searchUsers, userSearchSchema } from "@/lib/moderation/users";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const viewer = await requireViewer(req, "moderate");
  return json(await withDb(searchUsers, readQuery(req, userSearchSchema), viewer));
});
