import { checkOrigin, handle, json } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { claimableFor, requestClaim } from "@/lib/import/claims";

export const dynamic = "force-dynamic";

/** What the reader's verified address could claim among the imported accounts: {accounts, comments, names}. */
export const GET = handle(async (req) => {
  const viewer = await requireViewer(req, "account");
  return json(await withDb(claimableFor, viewer.id));
});

/** Mails the one-time claim link to the reader's verified address (202). 409 when nothing is claimable. */
export const POST = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const what = await withDb(requestClaim, viewer.id, new URL(req.url).origin);
  return json({ sent: true, ...what }, { status: 202 });
});
