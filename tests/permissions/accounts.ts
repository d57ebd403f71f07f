// Rows of the permission matrix for accounts: the account pages, the /api/v1 account routes, the admin
// user routes, and /admin itself. Mutating routes are sent bodies that fail validation on purpose (see
// types.ts), except "sign out everywhere", which ends the session for real.
import {
  accountApi,
  accountPage,
  adminApi,
  credentialsOnly,
  type MatrixRow,
  moderatorApi,
  moderatorPage,
  publicRoute,
} from "./types";

export const accountRows: MatrixRow[] = [
  accountPage("/account"),
  accountPage("/account/delete"),
  moderatorPage("/admin"),
  publicRoute("GET", "/api/v1/me"),
  accountApi("GET", "/api/v1/account", 200),
  credentialsOnly(accountApi("GET", "/api/v1/account/export", 200)),
  // the poll-tag preference set to its current value (true for every fixture): a real success
  accountApi("PATCH", "/api/v1/account", 200, { showPollTag: true }),
  credentialsOnly(accountApi("POST", "/api/v1/account/password", 422, {})),
  credentialsOnly(accountApi("DELETE", "/api/v1/account", 422, { confirm: "no", comments: "keep" })),
  // API tokens: listing and making them is for moderators' sessions only (an invalid name: 422)
  credentialsOnly(moderatorApi("GET", "/api/v1/account/tokens", 200)),
  credentialsOnly(moderatorApi("POST", "/api/v1/account/tokens", 422, { name: "" })),
  // fixtures have confirmed emails: 409 "already confirmed" is the answer past the gate
  accountApi("POST", "/api/v1/account/verification", 409),
  moderatorApi("POST", (c) => `/api/v1/admin/users/${c.ids.reader2}/status`, 422, { status: "frozen" }),
  adminApi("POST", (c) => `/api/v1/admin/users/${c.ids.reader2}/role`, 422, { role: "emperor" }),
  { ...credentialsOnly(accountApi("DELETE", "/api/v1/account/sessions", 200)), endsSession: true },
];
