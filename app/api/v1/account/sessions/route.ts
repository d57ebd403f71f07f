import { getDb } from "@/db/client";
import { checkOrigin, handle, json } from "@/lib/api/http";
import { signOutEverywhere } from "@/lib/auth/account";
import { requireViewer } from "@/lib/auth/permissions";
import { clearSessionCookies } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** "Sign out everywhere": every session of this account ends, this one included. */
export const DELETE = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "credentials");
  await signOutEverywhere(await getDb(), viewer);
  const res = json({ signedOut: true });
  for (const c of clearSessionCookies(req)) res.headers.append("set-cookie", c);
  return res;
});
