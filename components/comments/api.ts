// The comment section's calls to the JSON API (same origin: the browser sends Origin and the cookie).
import type { CommentPage, PublicComment, RepliesPage, ViewerState } from "@/lib/comments/types";

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

async function call<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: json !== undefined ? { "content-type": "application/json" } : undefined,
      body: json !== undefined ? JSON.stringify(json) : undefined,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiCallError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; field?: string } } | null)?.error;
    throw new ApiCallError(
      res.status,
      e?.code ?? "error",
      e?.message ?? `Something went wrong (HTTP ${res.status}).`,
      e?.field,
    );
  }
  return data as T;
}

const enc = encodeURIComponent;

export const commentsApi = {
  page: (slug: string, sort: string, cursor?: string | null, votedOption?: string | null) =>
    call<CommentPage>(
      `/api/v1/articles/${enc(slug)}/comments?sort=${enc(sort)}${cursor ? `&cursor=${enc(cursor)}` : ""}${votedOption ? `&votedOption=${enc(votedOption)}` : ""}`,
    ),
  mine: (slug: string) => call<ViewerState>(`/api/v1/articles/${enc(slug)}/comments/mine`),
  replies: (id: string, cursor: string | null, depth: number) =>
    call<RepliesPage>(
      `/api/v1/comments/${enc(id)}/replies?depth=${depth}${cursor ? `&cursor=${enc(cursor)}` : ""}`,
    ),
  post: (slug: string, body: string, parentId: string | null, website = "") =>
    call<{ id: string; status: string; message: string; comment: PublicComment }>(
      `/api/v1/articles/${enc(slug)}/comments`,
      { method: "POST", json: website ? { body, parentId, website } : { body, parentId } },
    ),
  source: (id: string) => call<PublicComment & { body?: string }>(`/api/v1/comments/${enc(id)}`),
  edit: (id: string, body: string) =>
    call<{ id: string; status: string; message: string; comment: PublicComment }>(
      `/api/v1/comments/${enc(id)}`,
      {
        method: "PATCH",
        json: { body },
      },
    ),
  remove: (id: string) =>
    call<{ id: string; status: string }>(`/api/v1/comments/${enc(id)}`, { method: "DELETE" }),
  vote: (id: string, value: 1 | -1 | 0) =>
    call<{ id: string; value: number; score: number; upvotes: number; downvotes: number }>(
      `/api/v1/comments/${enc(id)}/vote`,
      { method: "POST", json: { value } },
    ),
  report: (id: string, reason: string, note?: string) =>
    call<{ id: string }>(`/api/v1/comments/${enc(id)}/reports`, {
      method: "POST",
      json: note ? { reason, note } : { reason },
    }),
};
