import { verifyEmailToken } from "@/lib/auth/email-verification";
import { getViewer } from "@/lib/auth/viewer";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The link from the confirmation email: /verify-email?id=…&token=… → a page that says what happened. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const result = await withDb(verifyEmailToken, url.searchParams.get("id"), url.searchParams.get("token"));
  let to: string;
  if (result === "verified" || result === "already")
    to = (await getViewer(req)) ? "/account?notice=verified" : "/signin?notice=verified";
  else to = `/check-email?error=${result}`;
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
