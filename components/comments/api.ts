// The comment section's calls to the JSON API (same origin: the browser sends Origin and the cookie).
import { ApiCallError, callOrThrow } from "@/components/ui/api";
import type { CommentPage, PublicComment, RepliesPage, ViewerState } from "@/lib/comments/types";

export { ApiCallError };

function call<T>(url: string, init?: { method?: string; json?: unknown }): Promise<T> {
  return callOrThrow<T>(init?.method ?? "GET", url, init?.json);
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
  revisions: (id: string) =>
    call<{ id: string; revisions: { body: string; createdAt: string }[] }>(
      `/api/v1/comments/${enc(id)}/revisions`,
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
