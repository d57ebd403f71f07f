// Permission matrix rows for the moderation panel and API: every admin page, action and route, with the
// real HTTP status each kind of viewer must get. Anonymous visitors are sent to sign in (pages) or get
// 401 (API); readers get 403; moderators moderate but cannot change settings, roles or articles; admins
// can do everything. Write rows succeed without changing shared state (idempotent no-ops), except the
// admin's article creation, which uses its own slug. Driven by tests/e2e/admin-permissions.spec.ts.

export type Who = "anonymous" | "reader" | "moderator" | "admin";

/** Ids the rows need, found by the spec before it runs them. */
export interface MatrixContext {
  readerId: string;
  commentId: string;
  articleId: string;
}

export interface PermissionRow {
  feature: "admin";
  name: string;
  kind: "page" | "api";
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: (c: MatrixContext) => string;
  body?: (c: MatrixContext) => unknown;
  /** expected status per viewer; pages: 307 = sent to sign in */
  expect: Record<Who, number>;
}

const page = (name: string, path: (c: MatrixContext) => string, adminOnly = false): PermissionRow => ({
  feature: "admin",
  name,
  kind: "page",
  method: "GET",
  path,
  expect: { anonymous: 307, reader: 403, moderator: adminOnly ? 403 : 200, admin: 200 },
});

const api = (
  name: string,
  method: PermissionRow["method"],
  path: (c: MatrixContext) => string,
  ok: number,
  opts: { adminOnly?: boolean; body?: (c: MatrixContext) => unknown; adminStatus?: number } = {},
): PermissionRow => ({
  feature: "admin",
  name,
  kind: "api",
  method,
  path,
  body: opts.body,
  expect: {
    anonymous: 401,
    reader: 403,
    moderator: opts.adminOnly ? 403 : ok,
    admin: opts.adminStatus ?? ok,
  },
});

export const adminRows: PermissionRow[] = [
  // pages
  page("dashboard", () => "/admin"),
  page("queue", () => "/admin/queue?status=pending"),
  page("reported queue", () => "/admin/queue?status=reported"),
  page("appeals", () => "/admin/appeals"),
  page("users", () => "/admin/users"),
  page("a user", (c) => `/admin/users/${c.readerId}`),
  page("audit log", () => "/admin/audit"),
  page("API tokens", () => "/account/tokens"),
  page("articles", () => "/admin/articles", true),
  page("new article", () => "/admin/articles/new", true),
  page("edit article", (c) => `/admin/articles/${c.articleId}`, true),
  page("settings", () => "/admin/settings", true),
  page("import & export", () => "/admin/imports", true),
  // API: moderation
  api("queue", "GET", () => "/api/v1/admin/queue?status=pending", 200),
  api(
    "decision (approve, idempotent)",
    "POST",
    (c) => `/api/v1/admin/comments/${c.commentId}/decision`,
    200,
    {
      body: () => ({ action: "approve" }),
    },
  ),
  api("bulk decision", "POST", () => "/api/v1/admin/comments/decisions", 200, {
    body: (c) => ({ ids: [c.commentId], action: "approve" }),
  }),
  api("users search", "GET", () => "/api/v1/admin/users?q=Reader", 200),
  api("a user", "GET", (c) => `/api/v1/admin/users/${c.readerId}`, 200),
  api("user status (no-op)", "POST", (c) => `/api/v1/admin/users/${c.readerId}/status`, 200, {
    body: () => ({ status: "active" }),
  }),
  api("moderator note", "POST", (c) => `/api/v1/admin/users/${c.readerId}/notes`, 201, {
    body: () => ({ note: "permission matrix note" }),
  }),
  api("audit log", "GET", () => "/api/v1/admin/audit", 200),
  api("appeals", "GET", () => "/api/v1/admin/appeals", 200),
  api("dashboard", "GET", () => "/api/v1/admin/dashboard", 200),
  api("end surge (none on)", "DELETE", (c) => `/api/v1/admin/articles/${c.articleId}/surge`, 200),
  api("list own tokens", "GET", () => "/api/v1/account/tokens", 200),
  api("create a token", "POST", () => "/api/v1/account/tokens", 201, { body: () => ({ name: "matrix" }) }),
  // API: administration
  api("settings", "GET", () => "/api/v1/admin/settings", 200, { adminOnly: true }),
  api("imports", "GET", () => "/api/v1/admin/imports", 200, { adminOnly: true }),
  api("export (a CSV table)", "GET", () => "/api/v1/admin/export?format=csv&table=accounts", 200, {
    adminOnly: true,
  }),
  api("settings change (no-op)", "PUT", () => "/api/v1/admin/settings", 200, {
    adminOnly: true,
    body: () => ({ settings: {} }),
  }),
  api("role change (no-op)", "POST", (c) => `/api/v1/admin/users/${c.readerId}/role`, 200, {
    adminOnly: true,
    body: () => ({ role: "reader" }),
  }),
  api("articles", "GET", () => "/api/v1/admin/articles", 200, { adminOnly: true }),
  api("create article", "POST", () => "/api/v1/admin/articles", 201, {
    adminOnly: true,
    body: () => ({
      title: "Permission matrix article",
      // a slug of its own on every call: the matrix runs again against the same server under
      // `--repeat-each`, and the first run's article keeps its slug
      slug: `perm-matrix-article-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      body: "Body.",
      newAuthor: { name: "Matrix" },
    }),
  }),
  api("an article", "GET", (c) => `/api/v1/admin/articles/${c.articleId}`, 200, { adminOnly: true }),
  api("edit article (no-op)", "PUT", (c) => `/api/v1/admin/articles/${c.articleId}`, 200, {
    adminOnly: true,
    body: () => ({}),
  }),
  api("markdown preview", "POST", () => "/api/v1/admin/articles/preview", 200, {
    adminOnly: true,
    body: () => ({ body: "**hi**" }),
  }),
  api("authors", "GET", () => "/api/v1/admin/authors", 200, { adminOnly: true }),
];
