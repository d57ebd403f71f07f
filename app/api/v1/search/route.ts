import { handle, json } from "@/lib/api/http";
import { readQuery } from "@/lib/api/query";
import { Invalid } from "@/lib/errors";
import { clientIp } from "@/lib/http/client";
import { msg } from "@/lib/i18n/text";
import { checkQuery, SEARCH_MIN_CHARS, search, searchQuerySchema } from "@/lib/search";

export const dynamic = "force-dynamic";

/** GET ?q=&type=articles|comments&cursor= : published articles and approved comments, ranked. */
export const GET = handle(async (req) => {
  const input = readQuery(req, searchQuerySchema);
  const check = checkQuery(input.q);
  if (!check.ok)
    throw new Invalid("q", msg("Api.routes.queryTooShort", { min: SEARCH_MIN_CHARS }), "query_too_short");
  return json(await search(check.q, input.type ?? null, input.cursor ?? null, clientIp(req)));
});
