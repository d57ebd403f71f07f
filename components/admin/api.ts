// The admin panel's client calls to the JSON API (same origin: the browser sends Origin and the
// session cookie). Errors come back in the API's shape {"error": {code, message, field?}}.
export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data?: T;
  error?: { code: string; message: string; field?: string };
}

export async function callApi<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, status: res.status, data: json as T };
    return {
      ok: false,
      status: res.status,
      error: json?.error ?? { code: "http_error", message: `The server answered ${res.status}.` },
    };
  } catch {
    return {
      ok: false,
      status: 0,
      error: { code: "network", message: "Could not reach the server; check your connection and retry." },
    };
  }
}
