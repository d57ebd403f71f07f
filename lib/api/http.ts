// The route layer's shared plumbing (lib/ throws lib/errors.ts' named errors; here, and only here, each
// kind becomes its HTTP status): one error shape everywhere ({"error": {"code", "message", "field"?}}),
// body parsing with size and type limits, zod validation, and the Origin check for state-changing calls.
// Route handlers stay thin: parse with these, call lib/, answer with these.
import type { z } from "zod";
import {
  BadRequest,
  DomainError,
  Forbidden,
  Invalid,
  STATUS_OF_KIND,
  TooLarge,
  UnsupportedMediaType,
} from "@/lib/errors";
import { fieldText, messageText, msg, zodIssueText } from "@/lib/i18n/text";
import { log } from "@/lib/log";
import { findControlChars } from "@/lib/validation/text";
import { requestLocale } from "@/server/locale.cjs";

export function errorBody(code: string, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } };
}

export function jsonError(
  status: number,
  code: string,
  message: string,
  field?: string,
  headers?: HeadersInit,
) {
  return Response.json(errorBody(code, message, field), {
    status,
    headers: { "cache-control": "no-store", ...(headers as Record<string, string>) },
  });
}

export function json(data: unknown, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return Response.json(data, { ...init, headers });
}

export const MAX_JSON_BYTES = Number(process.env.AGORA_MAX_JSON_BYTES || 64 * 1024);

/** Reads a JSON body: 415 for another content type, 413 when too large, 400 when malformed. */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new UnsupportedMediaType(msg("Api.http.sendTheBodyAs"));
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BadRequest("invalid_encoding", msg("Api.http.invalidEncoding"));
  }
  if (!text.trim()) throw new BadRequest("empty_body", msg("Api.http.emptyBody"));
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest("malformed_json", msg("Api.http.malformedJson"));
  }
}

function tooLarge(maxBytes: number) {
  return new TooLarge(msg("Api.http.theBodyIsLarger", { kb: Math.round(maxBytes / 1024) }));
}

/** Validates with zod; the first problem becomes a 422 naming the field. */
export function validate<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  // the one control-character rule for every input (lib/validation/text.ts): 422 naming the field
  const bad = findControlChars(data);
  if (bad) {
    const field = bad.field || undefined;
    throw new Invalid(field, fieldText(field, messageText(bad.problem)));
  }
  // reportInput: zod's own messages name the type received (rendered again in the reader's language)
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join(".") || undefined;
  throw new Invalid(field, fieldText(field, zodIssueText(issue)));
}

export async function readBody<T extends z.ZodType>(
  req: Request,
  schema: T,
  maxBytes?: number,
): Promise<z.infer<T>> {
  return validate(schema, await readJson(req, maxBytes));
}

/**
 * State-changing calls must come from our own origin (or from a tool with a bearer token, which carries
 * no ambient cookie and so cannot be forged by another site).
 */
export function checkOrigin(req: Request): void {
  if (req.headers.get("authorization")?.startsWith("Bearer ")) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin) {
    // browsers always send Origin on cross-site POST/PUT/PATCH/DELETE; a missing one with a cookie
    // is refused too, so that only same-origin pages and token tools can write
    throw new Forbidden(msg("Api.http.badOrigin"), "bad_origin");
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new Forbidden(msg("Api.http.badOrigin2"), "bad_origin");
  }
  const allowed = new Set([
    host,
    ...(process.env.AGORA_ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()),
  ]);
  if (process.env.AUTH_URL) allowed.add(new URL(process.env.AUTH_URL).host);
  if (!allowed.has(originHost)) {
    throw new Forbidden(msg("Api.http.badOrigin3"), "bad_origin");
  }
}

/** The HTTP status of a domain error: lib/errors' one table (for routes that answer with a page). */
export function statusOf(e: DomainError): number {
  return STATUS_OF_KIND[e.kind];
}

/**
 * The language of an API answer: the NEXT_LOCALE cookie, else Accept-Language, negotiated as for pages
 * (server/locale.cjs). docs/decisions/131-i18n-api-and-mail.md.
 */
export function apiLocale(req: Request | undefined): string {
  if (!req) return "en";
  return requestLocale(req.headers.get("cookie"), req.headers.get("accept-language"));
}

/**
 * Wraps a route handler: domain errors (lib/errors.ts) become their JSON shape with the status of their
 * kind, the message in the request's language; anything else a 500 without details.
 */
export function handle<A extends unknown[]>(fn: (req: Request, ...args: A) => Promise<Response>) {
  return async (req: Request, ...args: A): Promise<Response> => {
    try {
      return await fn(req, ...args);
    } catch (e) {
      return errorResponse(e, req);
    }
  };
}

/** The JSON answer for an error; with `req`, its message is in the request's language. */
export function errorResponse(e: unknown, req?: Request): Response {
  const locale = apiLocale(req);
  if (e instanceof DomainError) {
    const headers = e.retryAfter ? { "retry-after": String(e.retryAfter) } : undefined;
    return jsonError(STATUS_OF_KIND[e.kind], e.code, e.messageIn(locale), e.field, headers);
  }
  const mapped = mapDbError(e);
  if (mapped) {
    log.warn({ err: errorCodes(e) }, "database unavailable: answered 503");
    const message = new DomainError("unavailable", mapped.code, msg("Api.http.unavailable")).messageIn(
      locale,
    );
    return jsonError(mapped.status, mapped.code, message, undefined, mapped.headers);
  }
  // one line with the request id, never the payload: a failed query's message ends with its parameters
  // (drizzle: "Failed query: …\nparams: …"), so only the first line and the call sites are kept
  const err = e as Error;
  const stack = (err?.stack ?? "").split("\n").filter((l) => l.startsWith("    at "));
  log.error(
    { err: { name: err?.name, message: String(err?.message ?? e).split("\n")[0], stack: stack.join("\n") } },
    "api: unexpected error",
  );
  return jsonError(
    500,
    "internal",
    new DomainError("unavailable", "internal", msg("Api.http.internal")).messageIn(locale),
  );
}

const TRANSIENT_DB_CODES = new Set([
  // the socket: refused, reset, unreachable, name lookup failing while DNS or the host restarts
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL: admin/crash shutdown, starting up, connection exceptions, too many connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** The error codes on an error, its causes (drizzle wraps driver errors) and aggregated errors. */
function errorCodes(e: unknown, depth = 0): string[] {
  if (!e || typeof e !== "object" || depth > 5) return [];
  const err = e as { code?: unknown; cause?: unknown; errors?: unknown };
  const codes = typeof err.code === "string" ? [err.code] : [];
  codes.push(...errorCodes(err.cause, depth + 1));
  if (Array.isArray(err.errors)) for (const x of err.errors) codes.push(...errorCodes(x, depth + 1));
  return codes;
}

export function isTransientDbError(e: unknown): boolean {
  // class 08 is "connection exception" (08000, 08003, 08006, 08001, 08004, 08P01…)
  return errorCodes(e).some((c) => TRANSIENT_DB_CODES.has(c) || /^08[0-9A-Z]{3}$/.test(c));
}

/** Database outages become 503 with Retry-After instead of 500. */
export function mapDbError(
  e: unknown,
): { status: number; code: string; message: string; headers?: Record<string, string> } | null {
  if (!isTransientDbError(e)) return null;
  return {
    status: 503,
    code: "unavailable",
    message: "The database is unavailable for a moment; nothing was changed. Please retry shortly.",
    headers: { "retry-after": "5" },
  };
}
