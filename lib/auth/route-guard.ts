// In front of Auth.js's own routes (/api/auth/*), for what Auth.js cannot do itself:
//  - password sign-in (POST /api/auth/callback/credentials) is rate limited per account and per IP
//    before Auth.js sees it (Auth.js turns errors in `authorize` into redirects, so a limit there could
//    not answer 429): refused → 429 with Retry-After and a message saying when to retry;
//  - a sign-in link request (POST /api/auth/signin/nodemailer) is limited per address and per IP, and a
//    malformed address gets a clear 422 instead of Auth.js's generic error;
//  - an unknown or disabled provider gets a clear message (a 404, or back to /signin for a browser).
// Bodies are read from a clone, so Auth.js still receives the request untouched.
import { errorResponse, jsonError } from "@/lib/api/http";
import { clientIp } from "@/lib/http/client";
import { knownProviderIds, MAGIC_LINK_ID } from "./providers";
import { beginMagicLink, beginSignIn } from "./signin-limits";
import { emailSchema } from "./users";

type Handler<R extends Request> = (req: R) => Promise<Response>;

async function formField(req: Request, name: string): Promise<string> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body = (await req.clone().json()) as Record<string, unknown>;
      return typeof body?.[name] === "string" ? (body[name] as string) : "";
    }
    const form = await req.clone().formData();
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  } catch {
    return "";
  }
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
  if (!m) return next(req);
  const [, action, provider] = m;
  if (!knownProviderIds().includes(provider)) return unknownProvider(req, provider);
  const ip = clientIp(req);
  try {
    if (action === "callback" && provider === "credentials") {
      const email = (await formField(req, "email")).trim().toLowerCase();
      const attempt = await beginSignIn(ip, email);
      const res = await next(req);
      await (setsSession(res) ? attempt.succeeded() : attempt.failed());
      return res;
    }
    if (action === "signin" && provider === MAGIC_LINK_ID) {
      const email = emailSchema.safeParse(await formField(req, "email"));
      if (!email.success) return jsonError(422, "invalid_input", email.error.issues[0].message, "email");
      await beginMagicLink(ip, email.data);
    }
    return next(req);
  } catch (e) {
    return errorResponse(e);
  }
}

export async function guardedAuthGet<R extends Request>(req: R, next: Handler<R>): Promise<Response> {
  const m = /\/api\/auth\/(signin|callback)\/([^/?#]+)/.exec(new URL(req.url).pathname);
  if (m && !knownProviderIds().includes(m[2])) return unknownProvider(req, m[2]);
  return next(req);
}
