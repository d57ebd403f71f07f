import { getSitemapInfo, getSitemapPage } from "@/lib/discovery/cached";
import { xmlResponse } from "@/lib/discovery/respond";
import { urlsetXml } from "@/lib/discovery/sitemap";

export const dynamic = "force-dynamic";

/** One file of the sitemap index: /sitemaps/0.xml, /sitemaps/1.xml, … */
export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const m = /^(\d{1,4})\.xml$/.exec((await ctx.params).file);
  const info = await getSitemapInfo();
  if (!m || Number(m[1]) >= info.files) return xmlResponse(null, "");
  return xmlResponse(urlsetXml(await getSitemapPage(Number(m[1]))), "application/xml; charset=utf-8");
}
