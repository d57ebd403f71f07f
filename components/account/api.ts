// The account pages' calls to /api/v1 (same origin, so the browser sends Origin and the session cookie).
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; field?: string };

export async function callApi<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return {
      ok: false,
      status: 0,
      message: "The network did not answer. Check your connection and try again.",
    };
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: data as T };
  const err = (data as { error?: { message?: string; field?: string } } | null)?.error;
  return {
    ok: false,
    status: res.status,
    message: err?.message ?? "Something went wrong. Please try again.",
    field: err?.field,
  };
}
