import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { confirmPasswordReset, resetConfirmInput } from "@/lib/auth/password-reset";
import { clearSessionCookies } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** {id, token, newPassword}: uses a reset link once; every session of the account ends. */
export const POST = handle(async (req) => {
  checkOrigin(req);
  const input = await readBody(req, resetConfirmInput);
  await confirmPasswordReset(input);
  const res = json({ reset: true, signedOut: true });
  for (const c of clearSessionCookies(req)) res.headers.append("set-cookie", c);
  return res;
});
