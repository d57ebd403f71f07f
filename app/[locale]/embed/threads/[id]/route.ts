// GET /embed/threads/{identifier}?origin=…&url=…&title=…&theme=… — the comments frame of /embed.js
// (lib/embed). Framable only by the admin's embedOrigins (CSP frame-ancestors, csp.cjs embedPolicy).

import { embedOrigins, embedQuery, normalOrigin, openEmbedThread } from "@/lib/embed";
import { embedPageHtml, embedRefusedHtml } from "@/lib/embed/page";
import { isDomainError } from "@/lib/errors";
import { ipHash } from "@/lib/http/client";
import csp from "@/server/csp.cjs";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

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
  const origins = await embedOrigins();
  const q = embedQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return page(400, embedRefusedHtml(q.error.issues[0].message), origins);
  const origin = normalOrigin(q.data.origin);
  if (!origin || !origins.includes(origin))
    return page(403, embedRefusedHtml("This site may not show these comments."), origins);
  let identifier: string;
  try {
    identifier = decodeURIComponent((await ctx.params).id);
  } catch {
    return page(400, embedRefusedHtml("The thread id is not valid."), origins);
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
      }),
      [origin],
    );
  } catch (e) {
    if (isDomainError(e)) {
      const status = e.kind === "forbidden" ? 403 : e.kind === "rate_limited" ? 429 : 400;
      return page(status, embedRefusedHtml(e.message), origins);
    }
    throw e;
  }
}
