import { handle } from "@/lib/api/http";
import { metricsResponse } from "@/lib/metrics/endpoint";

export const dynamic = "force-dynamic";

/** Prometheus metrics, for a scraper holding METRICS_TOKEN (lib/metrics). */
export const GET = handle(metricsResponse);
