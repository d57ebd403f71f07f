import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { changePassword, passwordInput } from "@/lib/auth/account";
import { requireViewer } from "@/lib/auth/permissions";
import { clearSessionCookies } from "@/lib/auth/sessions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** {currentPassword, newPassword}; every session ends, this one included. */
export const POST = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "credentials");
  const input = await readBody(req, passwordInput);
  await withDb(changePassword, viewer, input);
  const res = json({ changed: true, signedOut: true });
  for (const c of clearSessionCookies(req)) res.headers.append("set-cookie", c);
  return res;
});
