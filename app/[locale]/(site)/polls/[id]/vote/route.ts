// The JavaScript-free way to vote: the article's poll form posts here; the answer redirects (303) to the
// poll page, which shows the outcome and, where the rules allow, the results.
import { checkOrigin, errorResponse } from "@/lib/api/http";
import { withDb } from "@/lib/db";
import { BadRequest, DomainError, NotFound } from "@/lib/errors";
import { ipHash } from "@/lib/http/client";
import { msg } from "@/lib/i18n/text";
import { votePoll, withdrawPollVote } from "@/lib/polls/service";
import { type RequestVoter, voterForRequest, withVoterCookie } from "@/lib/voter/request";

export const dynamic = "force-dynamic";

function seeOther(location: string, voter?: RequestVoter): Response {
  const res = new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
  return voter ? withVoterCookie(res, voter) : res;
}

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const page = (query: string) => `/polls/${encodeURIComponent(id)}?${query}`;
  try {
    checkOrigin(req);
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new BadRequest("malformed_form", msg("Api.routes.malformedForm2"));
    }
    if (form.get("action") === "withdraw") {
      const voter = await voterForRequest(req.headers);
      const r = await withDb(withdrawPollVote, id, voter, ipHash(req));
      return seeOther(page(`done=${r.withdrawn ? "withdrawn" : "not_voted"}`), voter);
    }
    const optionIds = form.getAll("optionIds").filter((v): v is string => typeof v === "string");
    const voter = await voterForRequest(req.headers, { create: true });
    const r = await withDb(
      votePoll,
      id,
      { key: voter.key!, viewer: voter.viewer },
      optionIds.slice(0, 20),
      ipHash(req),
    );
    return seeOther(page(`done=${r.created ? "voted" : r.changed ? "changed" : "unchanged"}`), voter);
  } catch (e) {
    if (e instanceof DomainError && e.code !== "bad_origin" && !(e instanceof NotFound))
      return seeOther(page(`error=${e.code}`));
    return errorResponse(e, req);
  }
}
