import { z } from "zod";
import { handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { requireViewer } from "@/lib/auth/permissions";
import { mentionSuggestions } from "@/lib/notifications/api";

export const dynamic = "force-dynamic";

const q = z.object({
  q: z
    .string({ error: "q is required" })
    .min(1, "q: type at least one letter")
    .max(30, "q: at most 30 characters"),
});

/** Autocomplete for @mentions in the comment form: {readers: [{handle, name}]} (signed-in readers only). */
export const GET = handle(async (req: Request) => {
  await requireViewer(req, "account");
  const { q: prefix } = readQuery(req, q);
  return json(
    { readers: await mentionSuggestions(prefix) },
    { headers: { "cache-control": "private, no-store" } },
  );
});
