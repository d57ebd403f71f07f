// The voter behind an HTTP request, for route handlers and pages: resolves the account or the anonymous
// cookie, merges an anonymous cookie into the account on the first signed-in request that carries both,
// and says which voter cookie to send back (a new one, or its removal after a merge).
import "server-only";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { anonKey, newAnonId, resolveVoter, type Voter, voterCookie } from "./identity";
import { mergeAndAnnounce } from "./merge";

export interface RequestVoter extends Voter {
  /** a Set-Cookie value to send with a successful answer, or null */
  setCookie: string | null;
}

/**
 * `create`: an anonymous reader without a cookie gets a new voter id (sent back as a cookie only with a
 * successful answer, so a refused vote leaves nothing behind).
 */
export async function voterForRequest(h: Headers, opts: { create?: boolean } = {}): Promise<RequestVoter> {
  const v = await resolveVoter(h);
  if (v.viewer && v.anonId) {
    try {
      await mergeAndAnnounce(await getDb(), v.anonId, v.viewer.id);
      return { ...v, anonId: null, setCookie: voterCookie(null, h) };
    } catch (e) {
      // the vote itself must not fail because of the merge; the next request tries again
      log.warn({ err: (e as Error).message }, "anonymous votes not merged into the account yet");
      return { ...v, setCookie: null };
    }
  }
  if (!v.key && opts.create) {
    const id = newAnonId();
    return { key: anonKey(id), viewer: null, anonId: id, setCookie: voterCookie(id, h) };
  }
  return { ...v, setCookie: null };
}

/** Adds the voter cookie (if any) to a response. */
export function withVoterCookie(res: Response, v: Pick<RequestVoter, "setCookie">): Response {
  if (v.setCookie) res.headers.append("set-cookie", v.setCookie);
  return res;
}
