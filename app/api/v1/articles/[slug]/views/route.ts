import { checkOrigin, handle, json } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { clientIp, hashValue, ipHash } from "@/lib/http/client";
import { msg } from "@/lib/i18n/text";
import { consume } from "@/lib/rate-limit";
import { recordView, utcDay } from "@/lib/views/record";

export const dynamic = "force-dynamic";

/**
 * The article page's view beacon. Answers with the current figure so the page can show it. Only from
 * the site's own pages (Origin), limited per network (`view_ip`), and never for an unpublished or
 * scheduled article (404, the same as an unknown slug).
 */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  checkOrigin(req);
  const { slug } = await ctx.params;
  await consume("view_ip", ipHash(req));
  const day = utcDay();
  const visitor = hashValue("view", clientIp(req), req.headers.get("user-agent") ?? "", day);
  const views = await withDb(recordView, slug, visitor, day);
  if (views == null) throw new NotFound(msg("Api.routes.noPublishedArticle", { slug: slug.slice(0, 200) }));
  return json({ views });
});
