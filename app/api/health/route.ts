import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const h = await checkHealth();
  return Response.json(h.body, {
    status: h.ok ? 200 : 503,
    headers: { "cache-control": "no-store", ...(h.ok ? {} : { "retry-after": "5" }) },
  });
}
