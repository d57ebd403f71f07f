import { handle } from "@/lib/api/http";
import { exportAccountData } from "@/lib/auth/account";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** "Download my data": the whole account as one JSON file. */
export const GET = handle(async (req) => {
  const viewer = await requireViewer(req, "credentials");
  const data = await withDb(exportAccountData, viewer);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="agora-my-data-${day}.json"`,
      "cache-control": "no-store",
    },
  });
});
