// GET /embed/threads/{identifier}?origin=…&url=…&title=…&theme=… — the comments frame of /embed.js
// (lib/embed). Framable only by the admin's embedOrigins (CSP frame-ancestors, csp.cjs embedPolicy).

import { getTranslations } from "next-intl/server";
import { embedOrigins, embedQuery, normalOrigin, openEmbedThread } from "@/lib/embed";
import { embedPageHtml, embedRefusedHtml, frameWords } from "@/lib/embed/page";
import { isDomainError } from "@/lib/errors";
import { ipHash } from "@/lib/http/client";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";
import csp from "@/server/csp.cjs";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ locale: string; id: string }> };

function page(status: number, html: string, origins: string[]): Response {
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      [csp.CSP_HEADER]: csp.embedPolicy(origins),
    },
  });
}

export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const { locale: l } = await ctx.params;
  const locale = isLocale(l) ? l : DEFAULT_LOCALE;
  const tr = await getTranslations({ locale, namespace: "Embed" });
  const refused = (message: string) => embedRefusedHtml(message, locale, tr("unavailable"));
  const origins = await embedOrigins();
  const q = embedQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return page(400, refused(q.error.issues[0].message), origins);
  const origin = normalOrigin(q.data.origin);
  if (!origin || !origins.includes(origin)) return page(403, refused(tr("notAllowed")), origins);
  let identifier: string;
  try {
    identifier = decodeURIComponent((await ctx.params).id);
  } catch {
    return page(400, refused(tr("badId")), origins);
  }
  try {
    const t = await openEmbedThread({
      origin,
      identifier,
      url: q.data.url,
      title: q.data.title,
      referer: req.headers.get("referer"),
      self: [new URL(req.url).origin, normalOrigin(process.env.AUTH_URL)].filter((o): o is string =>
        Boolean(o),
      ),
      ipHash: ipHash(req),
    });
    // this response may be framed by the page's own origin only
    return page(
      200,
      embedPageHtml({
        slug: t.slug,
        title: t.title,
        parentOrigin: origin,
        theme: q.data.theme ?? "light",
        poll: q.data.poll,
        lang: locale,
        text: {
          title: tr("title", { title: t.title }),
          poll: tr("poll"),
          heading: tr("heading"),
          yourComment: tr("yourComment"),
          post: tr("post"),
          signInNote: tr("signInNote"),
          loading: tr("loading"),
          more: tr("more"),
          noScript: tr("noScript"),
        },
        // frame.js fills in their {placeholders} (only the message names are read here, not their text)
        frameWords: frameWords(
          locale,
          Object.keys((MESSAGES[locale] as Messages).Embed.frame),
          (key, params) => tr(`frame.${key}` as "frame.none", params as never),
        ),
      }),
      [origin],
    );
  } catch (e) {
    if (isDomainError(e)) {
      const status = e.kind === "forbidden" ? 403 : e.kind === "rate_limited" ? 429 : 400;
      return page(status, refused(e.message), origins);
    }
    throw e;
  }
}
