// Named domain errors. lib/ throws these and never chooses an HTTP status: the route layer
// (lib/api/http.ts errorResponse, used by handle()) maps each kind to its status once.
// `code` is the machine-readable reason (e.g. "decided_by_moderator"), `message` a sentence a reader can act
// on, `field` the input that was wrong. The message is given as a Text (a key of messages/*/api.json and
// its parameters, `msg("Api.comments.notFound")`): `message` is its English, and handle() answers in the
// request's language from `text` (docs/decisions/131-i18n-api-and-mail.md).
import { msg, render, type Text } from "@/lib/i18n/text";

/** A message: a Text (translated), or a plain string (English only; the unit tests allow none in lib/). */
export type Message = string | Text;

export type ErrorKind =
  | "bad_request" // malformed request: not JSON, repeated form field, control characters (400)
  | "unauthenticated" // sign in first (401)
  | "forbidden" // signed in, but not allowed (403)
  | "not_found" // no such thing, or not visible to this viewer (404)
  | "conflict" // the thing's state forbids it (409)
  | "gone" // it existed and has ended (410)
  | "too_large" // body over the route's cap (413)
  | "unsupported_media_type" // wrong Content-Type (415)
  | "invalid" // well-formed but a field's value is not allowed (422)
  | "rate_limited" // over a limit (429, Retry-After)
  | "unavailable"; // a dependency is down for a moment (503, Retry-After)

export class DomainError extends Error {
  /** the message as a key and parameters, rendered in the reader's language by handle() */
  readonly text?: Text;
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: Message,
    readonly field?: string,
    /** seconds until the caller may retry (rate_limited, unavailable) */
    readonly retryAfter?: number,
  ) {
    super(typeof message === "string" ? message : render(message, "en"));
    if (typeof message !== "string") this.text = message;
    this.name = "DomainError";
  }

  /** The message in `locale` (English when it has no Text). */
  messageIn(locale: string): string {
    return this.text && locale !== "en" ? render(this.text, locale) : this.message;
  }
}

export class BadRequest extends DomainError {
  constructor(code: string, message: Message, field?: string) {
    super("bad_request", code, message, field);
    this.name = "BadRequest";
  }
}

export class Unauthenticated extends DomainError {
  constructor(message: Message = msg("Api.auth.signInToDo"), code = "unauthenticated") {
    super("unauthenticated", code, message);
    this.name = "Unauthenticated";
  }
}

export class Forbidden extends DomainError {
  constructor(message: Message, code = "forbidden", field?: string) {
    super("forbidden", code, message, field);
    this.name = "Forbidden";
  }
}

export class NotFound extends DomainError {
  constructor(message: Message, code = "not_found") {
    super("not_found", code, message);
    this.name = "NotFound";
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: Message, field?: string) {
    super("conflict", code, message, field);
    this.name = "Conflict";
  }
}

export class Gone extends DomainError {
  constructor(code: string, message: Message) {
    super("gone", code, message);
    this.name = "Gone";
  }
}

export class TooLarge extends DomainError {
  constructor(message: Message, code = "payload_too_large") {
    super("too_large", code, message);
    this.name = "TooLarge";
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(message: Message, code = "unsupported_media_type") {
    super("unsupported_media_type", code, message);
    this.name = "UnsupportedMediaType";
  }
}

/** A field's value is not allowed; `code` defaults to "invalid_input". */
export class Invalid extends DomainError {
  constructor(field: string | undefined, message: Message, code = "invalid_input") {
    super("invalid", code, message, field);
    this.name = "Invalid";
  }
}

export class RateLimited extends DomainError {
  constructor(message: Message, retryAfterSeconds: number, code = "rate_limited") {
    super("rate_limited", code, message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
    this.name = "RateLimited";
  }
}

export class Unavailable extends DomainError {
  constructor(message: Message, retryAfterSeconds = 5, code = "unavailable") {
    super("unavailable", code, message, undefined, retryAfterSeconds);
    this.name = "Unavailable";
  }
}

/** The HTTP status of each kind: the one place a domain error becomes a status. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
