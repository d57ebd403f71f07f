import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { claimConfirmInput, confirmClaim } from "@/lib/import/claims";

export const dynamic = "force-dynamic";

/** Uses a claim link {id, token}: the imported comments and votes become the reader's. */
export const POST = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const input = await readBody(req, claimConfirmInput);
  return json({ claimed: await withDb(confirmClaim, viewer.id, input) });
});
