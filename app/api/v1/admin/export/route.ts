// GET /api/v1/admin/export?format=json|disqus, or format=csv&table=NAME — the admin's download of
// `npm run export` (lib/export/full.ts).
import { z } from "zod";
import { handle, validate } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { withDb } from "@/lib/db";
import { EXPORT_TABLES, exportAll, exportTables, toCsv, writeDisqus } from "@/lib/export/full";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["json", "csv", "disqus"], { error: "format must be json, csv or disqus" }).default("json"),
  table: z.enum(EXPORT_TABLES, { error: `table must be one of ${EXPORT_TABLES.join(", ")}` }).optional(),
});

const download = (body: string, type: string, name: string) =>
  new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });

export const GET = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  const q = validate(query, Object.fromEntries(new URL(req.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  if (q.format === "json")
    return download(
      JSON.stringify(await withDb(exportAll)),
      "application/json; charset=utf-8",
      `agora-${day}.json`,
    );
  if (q.format === "csv") {
    const table = q.table ?? "comments";
    const { tables } = await withDb(exportTables);
    return download(
      toCsv(tables[table] as Record<string, unknown>[]),
      "text/csv; charset=utf-8",
      `agora-${table}-${day}.csv`,
    );
  }
  let xml = "";
  await withDb(writeDisqus, {
    publicBase: process.env.AGORA_PUBLIC_URL || process.env.AUTH_URL || new URL(req.url).origin,
    write: (s) => void (xml += s),
  });
  return download(xml, "application/xml; charset=utf-8", `agora-disqus-${day}.xml`);
});
