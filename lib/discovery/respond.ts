// HTTP answers for feeds and sitemaps (route handlers stay one line each).
import { FEED_CONTENT_TYPE, type FeedFormat } from "./feeds";

const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

export function xmlResponse(body: string | null, contentType: string): Response {
  if (body == null)
    return new Response("Not found\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response(body, { headers: { "content-type": contentType, "cache-control": CACHE_CONTROL } });
}

export function feedResponse(body: string | null, format: FeedFormat): Response {
  return xmlResponse(body, FEED_CONTENT_TYPE[format]);
}
