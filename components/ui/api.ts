// The browser's one client for our JSON API (same origin: the browser sends Origin and the session
// cookie). Every call answers the same shape: `{ ok: true, status, data }` or `{ ok: false, status,
// error: { code, message, field? } }` — the API's own error body, or a network/HTTP fallback. Components
// that prefer exceptions use `callOrThrow`, which throws ApiCallError with the same fields.
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T; error?: undefined }
  | { ok: false; status: number; data?: undefined; error: ApiError };

export interface CallOptions {
  signal?: AbortSignal;
  keepalive?: boolean;
}

const NETWORK: ApiError = {
  code: "network",
  message: "Could not reach the server. Check your connection and try again.",
};

export async function callApi<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  opts: CallOptions = {},
): Promise<ApiResult<T>> {
  let res: Response;
  // a file (an import upload) goes as it is; anything else as JSON
  const file = typeof Blob !== "undefined" && body instanceof Blob;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined || file ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal: opts.signal,
      keepalive: opts.keepalive,
    });
  } catch {
    return { ok: false, status: 0, error: NETWORK };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const e = (json as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    status: res.status,
    error: {
      code: typeof e?.code === "string" ? e.code : "http_error",
      message:
        typeof e?.message === "string"
          ? e.message
          : `Something went wrong (HTTP ${res.status}). Please try again.`,
      ...(typeof e?.field === "string" ? { field: e.field } : {}),
    },
  };
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** callApi for code that prefers exceptions: the data, or an ApiCallError. */
export async function callOrThrow<T>(
  method: string,
  url: string,
  body?: unknown,
  opts?: CallOptions,
): Promise<T> {
  const r = await callApi<T>(method, url, body, opts);
  if (!r.ok) throw new ApiCallError(r.status, r.error.code, r.error.message, r.error.field);
  return r.data;
}
