import { handle, json } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { clientIp, hashValue } from "@/lib/http/client";
import { recordView, utcDay } from "@/lib/views/record";

export const dynamic = "force-dynamic";

/** The article page's view beacon. Answers with the current figure so the page can show it. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const day = utcDay();
  const visitor = hashValue("view", clientIp(req), req.headers.get("user-agent") ?? "", day);
  const views = await withDb(recordView, slug, visitor, day);
  if (views == null) throw new NotFound(`No published article "${slug}".`);
  return json({ views });
});
