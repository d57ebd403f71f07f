// GET /api/v1/embed/counts?origin=…&id=a&id=b — comment counts for data-agora-count (one request a page).
import { z } from "zod";
import { handle, json, validate } from "@/lib/api/http";
import { embedCounts, embedOrigins, identifierSchema, normalOrigin } from "@/lib/embed";

export const dynamic = "force-dynamic";

const query = z.object({
  origin: z.string({ error: "origin is required" }).max(200, "origin is too long"),
  id: z.array(identifierSchema).max(100, "at most 100 ids"),
});

export const GET = handle(async (req: Request) => {
  const sp = new URL(req.url).searchParams;
  const q = validate(query, { origin: sp.get("origin") ?? undefined, id: sp.getAll("id") });
  const origin = normalOrigin(q.origin);
  const allowed = origin !== null && (await embedOrigins()).includes(origin);
  const res = json({ counts: allowed && origin ? await embedCounts(origin, q.id) : {} });
  if (allowed && origin) {
    res.headers.set("access-control-allow-origin", origin);
    res.headers.set("vary", "origin");
  }
  // one request per page view, always current (the counts change with every approved comment)
  res.headers.set("cache-control", "no-store");
  return res;
});
