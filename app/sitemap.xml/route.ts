import { getSitemapInfo, getSitemapPage } from "@/lib/discovery/cached";
import { xmlResponse } from "@/lib/discovery/respond";
import { sitemapIndexXml, urlsetXml } from "@/lib/discovery/sitemap";

export const dynamic = "force-dynamic";

/** The sitemap: a <urlset> up to 50,000 URLs, a <sitemapindex> of /sitemaps/{n}.xml beyond (decision 092). */
export async function GET() {
  const info = await getSitemapInfo();
  const body = info.files > 1 ? sitemapIndexXml(info.files) : urlsetXml(await getSitemapPage(0));
  return xmlResponse(body, "application/xml; charset=utf-8");
}
