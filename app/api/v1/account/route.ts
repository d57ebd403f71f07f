import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { profileInput, updateProfile } from "@/lib/auth/account";
import { deleteAccount, deleteInput } from "@/lib/auth/account-deletion";
import { meView } from "@/lib/auth/me";
import { requireViewer } from "@/lib/auth/permissions";
import { clearSessionCookies } from "@/lib/auth/sessions";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = handle(async (req) => json(meView(await requireViewer(req, "account"))));

/** {name?, showPollTag?} */
export const PATCH = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "account");
  const input = await readBody(req, profileInput);
  return json(await withDb(updateProfile, viewer, input));
});

/** {confirm: "delete my account", comments: "keep" | "remove"}; the session ends with the account. */
export const DELETE = handle(async (req) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "credentials");
  const input = await readBody(req, deleteInput);
  const res = json({ deleted: true, ...(await withDb(deleteAccount, viewer, input)) });
  for (const c of clearSessionCookies(req)) res.headers.append("set-cookie", c);
  return res;
});
