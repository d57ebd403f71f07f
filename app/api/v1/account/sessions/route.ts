import { checkOrigin, handle, json } from "@/lib/api/http";
import { signOutEverywhere } from "@/lib/auth/account";
import { requireViewer } from "@/lib/auth/permissions";
import { clearSessionCookies } from "@/lib/auth/sessions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** "Sign out everywhere": every session of this account ends, this one included. */
export const DELETE = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "credentials");
  await withDb(signOutEverywhere, viewer);
  const res = json({ signedOut: true });
  for (const c of clearSessionCookies(req)) res.headers.append("set-cookie", c);
  return res;
});
