// POST /api/v1/embed/session {key} — the embed frame takes its partitioned session cookies (lib/embed/session.ts).
import { z } from "zod";
import { checkOrigin, handle, json, readBody } from "@/lib/api/http";
import { takeHandoff } from "@/lib/embed/session";

export const dynamic = "force-dynamic";

const input = z.object({ key: z.string({ error: "key is required" }) }).strict();

export const POST = handle(async (req: Request) => {
  checkOrigin(req);
  const { key } = await readBody(req, input);
  const cookies = await takeHandoff(key);
  const res = json({ ok: Boolean(cookies) });
  for (const c of cookies ?? []) res.headers.append("set-cookie", c);
  return res;
});
