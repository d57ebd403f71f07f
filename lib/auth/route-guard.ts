// In front of Auth.js's own routes (/api/auth/*), for what Auth.js cannot do itself:
//  - password sign-in (POST /api/auth/callback/credentials) is rate limited per account and per IP
//    before Auth.js sees it (Auth.js turns errors in `authorize` into redirects, so a limit there could
//    not answer 429): refused → 429 with Retry-After and a message saying when to retry;
//  - a sign-in link request (POST /api/auth/signin/nodemailer) is limited per address and per IP, and a
//    malformed address gets a clear 422 instead of Auth.js's generic error;
//  - an unknown or disabled provider gets a clear message (a 404, or back to /signin for a browser).
// Bodies are read from a clone, so Auth.js still receives the request untouched.
import { errorResponse, jsonError } from "@/lib/api/http";
import { BadRequest, Invalid } from "@/lib/errors";
import { clientIp } from "@/lib/http/client";
import { fieldText, messageText, msg, zodIssueText } from "@/lib/i18n/text";
import { findControlChars } from "@/lib/validation/text";
import { knownProviderIds, MAGIC_LINK_ID } from "./providers";
import { beginMagicLink, beginSignIn } from "./signin-limits";
import { emailSchema } from "./users";

type Handler<R extends Request> = (req: R) => Promise<Response>;

/**
 * The body's fields exactly as Auth.js will read them (@auth/core's getBody: JSON through JSON.parse,
 * a urlencoded form through URLSearchParams, nothing else), so the limits count the same email Auth.js
 * signs in with. A form that repeats a field is refused (400): Auth.js keeps the last copy, a reader of
 * the first would be counting a decoy. A field that is not text counts as empty.
 */
export async function authBodyFields(req: Request): Promise<Record<string, string>> {
  if (req.method !== "POST" || !req.body) return {};
  const type = req.headers.get("content-type") ?? "";
  let text: string;
  try {
    text = await req.clone().text();
  } catch {
    throw new BadRequest("malformed_body", msg("Api.auth.malformedBody"));
  }
  if (type.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new BadRequest("malformed_json", msg("Api.auth.malformedJson"));
    }
    const out: Record<string, string> = {};
    if (body && typeof body === "object" && !Array.isArray(body))
      for (const [k, v] of Object.entries(body)) out[k] = typeof v === "string" ? v : "";
    return out;
  }
  if (!type.includes("application/x-www-form-urlencoded")) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    if (Object.hasOwn(out, k))
      throw new BadRequest(
        "repeated_field",
        msg("Api.auth.repeatedField", { k: k.slice(0, 40) }),
        k.slice(0, 40),
      );
    out[k] = v;
  }
  return out;
}

function wantsHtml(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("text/html");
}

function unknownProvider(req: Request, id: string): Response {
  if (wantsHtml(req)) return Response.redirect(new URL("/signin?error=UnknownProvider", req.url), 303);
  return jsonError(
    404,
    "unknown_provider",
    `There is no sign-in method "${id.slice(0, 40)}" here. Available: ${knownProviderIds().join(", ")}.`,
  );
}

/** Did Auth.js answer with a new session cookie? */
export function setsSession(res: Response): boolean {
  return res.headers.getSetCookie().some((c) => /session-token(\.\d+)?=[^;]+/.test(c));
}

export async function guardedAuthPost<R extends Request>(req: R, next: Handler<R>): Promise<Response> {
  const m = /\/api\/auth\/(signin|callback)\/([^/?#]+)/.exec(new URL(req.url).pathname);
  if (m && !knownProviderIds().includes(m[2])) return unknownProvider(req, m[2]);
  const ip = clientIp(req);
  try {
    // every auth POST (sign-in, callbacks, sign-out, session update): a repeated field is refused
    // before Auth.js sees the body, and the limits below read the values Auth.js will read
    const fields = await authBodyFields(req);
    // the one control-character rule (lib/validation/text.ts): a NUL in an email reached PostgreSQL
    const bad = findControlChars(fields);
    if (bad)
      return errorResponse(new Invalid(bad.field, fieldText(bad.field, messageText(bad.problem))), req);
    if (!m) return await next(req);
    const [, action, provider] = m;
    if (action === "callback" && provider === "credentials") {
      const email = (fields.email ?? "").trim().toLowerCase();
      const attempt = await beginSignIn(ip, email);
      const res = await next(req);
      await (setsSession(res) ? attempt.succeeded() : attempt.failed());
      return res;
    }
    if (action === "signin" && provider === MAGIC_LINK_ID) {
      const email = emailSchema.safeParse(fields.email ?? "");
      if (!email.success)
        return errorResponse(new Invalid("email", zodIssueText(email.error.issues[0])), req);
      await beginMagicLink(ip, email.data);
    }
    return next(req);
  } catch (e) {
    return errorResponse(e, req);
  }
}

export async function guardedAuthGet<R extends Request>(req: R, next: Handler<R>): Promise<Response> {
  const m = /\/api\/auth\/(signin|callback)\/([^/?#]+)/.exec(new URL(req.url).pathname);
  if (m && !knownProviderIds().includes(m[2])) return unknownProvider(req, m[2]);
  return next(req);
}
