import { z } from "zod";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { renderArticleBody } from "@/lib/markdown/article";

export const dynamic = "force-dynamic";

const schema = z
  .object({ body: z.string({ error: "must be text" }).max(200_000, "must be at most 200,000 characters") })
  .strict();

/** Renders Markdown exactly as the public page will (sanitised HTML). */
export const POST = handle(async (req: Request) => {
  await requireViewer(req, "admin");
  checkOrigin(req);
  const { body } = await readBody(req, schema, 512 * 1024);
  return json({ html: renderArticleBody(body).html });
});
