import { apiLocale, handle, json, jsonError } from "@/lib/api/http";
import { msg, render } from "@/lib/i18n/text";
import { unsubscribeWith } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

/** Opening the link shows the confirmation page (which can turn the mails back on). */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const { token } = await ctx.params;
  return Response.redirect(new URL(`/unsubscribe/${encodeURIComponent(token)}`, req.url), 303);
});

/**
 * RFC 8058 one-click: mail providers POST `List-Unsubscribe=One-Click` with no cookie and no Origin; the
 * signed token is the authentication (a forged or altered one answers 403). The confirmation page's own
 * form posts `value=off|immediately` here and is sent back to the page.
 */
export const POST = handle(async (req: Request, ctx: Ctx) => {
  const { token } = await ctx.params;
  const text = (await req.text().catch(() => "")).slice(0, 2000);
  const form = new URLSearchParams(text);
  const value = form.get("value") === "immediately" ? "immediately" : "off";
  const done = await unsubscribeWith(token, value);
  if (!done)
    return jsonError(
      403,
      "invalid_token",
      render(msg("Api.notifications.invalidUnsubscribe"), apiLocale(req)),
    );
  if (form.has("value"))
    return new Response(null, {
      status: 303,
      headers: { location: `/unsubscribe/${encodeURIComponent(token)}?done=${value}` },
    });
  return json({ unsubscribed: done.value === "off", category: done.category, value: done.value });
});
