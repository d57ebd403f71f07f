import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requestPasswordReset, resetRequestInput } from "@/lib/auth/password-reset";
import { clientIp } from "@/lib/http/client";

export const dynamic = "force-dynamic";

/** {email}: mails a one-time reset link when an account has that address; the same 202 either way. */
export const POST = handle(async (req) => {
  checkOrigin(req);
  const input = await readBody(req, resetRequestInput);
  await requestPasswordReset(input, clientIp(req), new URL(req.url).origin);
  return json(
    { sent: true, message: "If an account uses that address, a link to reset its password is on its way." },
    { status: 202 },
  );
});
