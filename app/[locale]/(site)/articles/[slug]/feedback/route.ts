// The JavaScript-free rating and "was this helpful" forms post here; success redirects (303) back to the
// article, a refused answer gets a short page saying why, with its status.
import { getTranslations } from "next-intl/server";
import { checkOrigin, mapDbError, statusOf, validate } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { BadRequest, DomainError } from "@/lib/errors";
import { feedbackBodySchema, giveFeedback } from "@/lib/feedback/service";
import { ipHash } from "@/lib/http/client";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { msg } from "@/lib/i18n/text";
import { voterForRequest, withVoterCookie } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

async function refusal(
  locale: Locale,
  status: number,
  message: string | null,
  back: string,
): Promise<Response> {
  const t = await getTranslations({ locale, namespace: "Feedback" });
  const title = escapeHtml(t("notSaved"));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>${title}</h1><p>${escapeHtml(message ?? t("serverError"))}</p><p><a href="${escapeHtml(back)}">${escapeHtml(t("back"))}</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function POST(
  req: Request,
  ctx: { params: Promise<{ locale: string; slug: string }> },
): Promise<Response> {
  const { slug, locale: l } = await ctx.params;
  const locale = isLocale(l) ? l : DEFAULT_LOCALE;
  const back = `/articles/${encodeURIComponent(slug)}#feedback`;
  try {
    checkOrigin(req);
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new BadRequest("malformed_form", msg("Api.routes.malformedForm"));
    }
    const rating = form.get("rating");
    const helpful = form.get("helpful");
    const change = validate(feedbackBodySchema, {
      ...(rating != null ? { rating: Number(rating) } : {}),
      ...(helpful === "yes" ? { helpful: true } : helpful === "no" ? { helpful: false } : {}),
    });
    const voter = await voterForRequest(req.headers, { create: true });
    await withDb(giveFeedback, slug, { key: voter.key!, viewer: voter.viewer }, change, ipHash(req));
    const res = new Response(null, { status: 303, headers: { location: back, "cache-control": "no-store" } });
    return withVoterCookie(res, voter);
  } catch (e) {
    if (e instanceof DomainError) return refusal(locale, statusOf(e), e.messageIn(locale), back);
    const mapped = mapDbError(e);
    if (mapped) return refusal(locale, mapped.status, mapped.message, back);
    console.error("feedback form: unexpected error", e);
    return refusal(locale, 500, null, back);
  }
}
