import { checkOrigin, handle, json } from "@/lib/api/http";
import { resendVerification } from "@/lib/auth/account";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Sends the email confirmation link again. 409 when already confirmed. */
export const POST = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  await withDb(resendVerification, viewer, new URL(req.url).origin);
  return json({ sent: true }, { status: 202 });
});
