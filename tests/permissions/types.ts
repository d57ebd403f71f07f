// The permission matrix: for every protected page, action and route handler, what each kind of visitor
// gets — over real HTTP, real statuses. Each feature adds one rows file next to this one and one line in
// index.ts; tests/e2e/permission-matrix.spec.ts runs them all.
//
// To keep the fixtures intact, a row that would change something for real may send a body that is
// invalid on purpose: getting past the gate then shows as the validation answer (422) instead of a
// success, which still proves who is let through (auth is checked before input).

export const WHO = ["anonymous", "reader", "suspended", "banned", "moderator", "admin"] as const;
export type Who = (typeof WHO)[number];

/**
 * API tokens (issue 12, hole 5), each made by a moderator of its own while a moderator: one still live,
 * then one whose account was demoted to reader, one whose account was banned, one whose account signed
 * out everywhere. Pages take no tokens (a token visitor is anonymous there); a live token gets what
 * the moderator gets on the API except the rows marked `tokens` (credentials: 403 token_not_allowed);
 * an ended token is anonymous.
 */
export const TOKEN_WHO = ["modToken", "demotedToken", "bannedToken", "signedOutToken"] as const;
export type TokenWho = (typeof TOKEN_WHO)[number];

/** A status, or "signin": a real 307 redirect to /signin (pages, for anonymous visitors). */
export type Expected = number | "signin";

export interface MatrixContext {
  /** user ids of the fixture accounts (tests/e2e/users-data.mjs) */
  ids: Record<string, string>;
}

export interface MatrixRow {
  /** what it is, for the test title */
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string | ((ctx: MatrixContext) => string);
  /** a JSON body (sent with Origin), or a function of the visitor */
  body?: unknown | ((who: Who, ctx: MatrixContext) => unknown);
  expect: Record<Who, Expected>;
  /** the row ends the visitor's session (e.g. sign out everywhere): sign in again afterwards */
  endsSession?: boolean;
  /** what API tokens get where it differs from the rule in tokenExpected */
  tokens?: Partial<Record<TokenWho, Expected>>;
}

/** What an API token visitor must get on a row. */
export function tokenExpected(r: MatrixRow, who: TokenWho): Expected {
  const own = r.tokens?.[who];
  if (own !== undefined) return own;
  if (r.name.startsWith("page ")) return r.expect.anonymous;
  return who === "modToken" ? r.expect.moderator : r.expect.anonymous;
}

/** A route about the account's own credentials or personal data: never by API token. */
export function credentialsOnly(r: MatrixRow): MatrixRow {
  return { ...r, tokens: { modToken: 403 } };
}

const SIGNED_IN = ["reader", "suspended", "banned", "moderator", "admin"] as const;

/** A page for any signed-in account (restricted ones included): anonymous → sign-in, others `ok`. */
export function accountPage(path: string, ok = 200): MatrixRow {
  return row(`page ${path}`, "GET", path, { anonymous: "signin", ...all(SIGNED_IN, ok) });
}

/** A page for moderators and admins: anonymous → sign-in, readers (any status) → 403. */
export function moderatorPage(path: string): MatrixRow {
  return row(`page ${path}`, "GET", path, {
    anonymous: "signin",
    reader: 403,
    suspended: 403,
    banned: 403,
    moderator: 200,
    admin: 200,
  });
}

/** A page for admins only. */
export function adminPage(path: string): MatrixRow {
  return { ...moderatorPage(path), expect: { ...moderatorPage(path).expect, moderator: 403 } };
}

type Method = MatrixRow["method"];
type Path = MatrixRow["path"];
type Body = MatrixRow["body"];

/** An API route for any signed-in account: anonymous → 401, every account → `ok`. */
export function accountApi(method: Method, path: Path, ok: number, body?: Body): MatrixRow {
  return apiRow(method, path, { anonymous: 401, ...all(SIGNED_IN, ok) }, body);
}

/** An API route for moderators and admins: anonymous → 401, readers → 403. */
export function moderatorApi(method: Method, path: Path, ok: number, body?: Body): MatrixRow {
  const readers = all(["reader", "suspended", "banned"] as const, 403);
  return apiRow(method, path, { anonymous: 401, ...readers, moderator: ok, admin: ok }, body);
}

/** Any other pattern: every visitor's answer spelled out. */
export function apiRow(method: Method, path: Path, expect: Record<Who, Expected>, body?: Body): MatrixRow {
  return row(`${method} ${label(path)}`, method, path, expect, body);
}

/** An API route for admins only. */
export function adminApi(
  method: MatrixRow["method"],
  path: MatrixRow["path"],
  ok: number,
  body?: MatrixRow["body"],
): MatrixRow {
  const r = moderatorApi(method, path, ok, body);
  return { ...r, expect: { ...r.expect, moderator: 403 } };
}

/** A route every visitor may use (still worth a row: it must not fail for anyone). */
export function publicRoute(method: MatrixRow["method"], path: string, ok = 200): MatrixRow {
  return row(`${method} ${path}`, method, path, { anonymous: ok, ...all(SIGNED_IN, ok) });
}

function all<K extends string>(keys: readonly K[], v: Expected): Record<K, Expected> {
  return Object.fromEntries(keys.map((k) => [k, v])) as Record<K, Expected>;
}

function label(path: MatrixRow["path"]): string {
  return typeof path === "string" ? path : path({ ids: new Proxy({}, { get: (_, k) => `{${String(k)}}` }) });
}

function row(
  name: string,
  method: MatrixRow["method"],
  path: MatrixRow["path"],
  expect: Record<Who, Expected>,
  body?: MatrixRow["body"],
): MatrixRow {
  return { name, method, path, expect, body };
}
