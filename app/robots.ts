import type { MetadataRoute } from "next";
import { absolute } from "@/lib/discovery/site";
import { LOCALES } from "@/lib/i18n/config";

// read AUTH_URL at run time, not at build time
export const dynamic = "force-dynamic";

const PRIVATE = ["/admin", "/account"];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      // the panels also answer under a language prefix (/es/admin): those stay out too
      disallow: [...PRIVATE, ...LOCALES.flatMap((l) => PRIVATE.map((p) => `/${l}${p}`)), "/api"],
    },
    sitemap: absolute("/sitemap.xml"),
  };
}
