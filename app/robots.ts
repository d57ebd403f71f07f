import type { MetadataRoute } from "next";
import { absolute } from "@/lib/discovery/site";

// read AUTH_URL at run time, not at build time
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/account", "/api"] },
    sitemap: absolute("/sitemap.xml"),
  };
}
