import { verifyEmailToken } from "@/lib/auth/email-verification";
import { getViewer } from "@/lib/auth/viewer";
import { withDb } from "@/lib/db";
import { offerClaim } from "@/lib/import/claims";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The link from the confirmation email: /verify-email?id=…&token=… → a page that says what happened. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const result = await withDb(verifyEmailToken, url.searchParams.get("id"), url.searchParams.get("token"));
  // comments imported under the address just confirmed: mail the claim link (the first time only)
  if (result === "verified")
    await withDb(offerClaim, String(url.searchParams.get("id")), url.origin).catch((e) =>
      log.warn({ err: (e as Error).message }, "claim offer after confirmation failed"),
    );
  let to: string;
  if (result === "verified" || result === "already")
    to = (await getViewer(req)) ? "/account?notice=verified" : "/signin?notice=verified";
  else to = `/check-email?error=${result}`;
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
