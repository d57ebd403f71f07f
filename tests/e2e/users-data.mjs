// Kept in step with tests/e2e/users.ts (which types them for the tests).
export const USERS = {
  admin: { email: "admin@e2e.test", password: "Admin-pass-1234!", role: "admin", name: "Ada Admin" },
  moderator: { email: "mod@e2e.test", password: "Mod-pass-12345!", role: "moderator", name: "Mo Moderator" },
  reader: { email: "reader@e2e.test", password: "Reader-pass-1234!", role: "reader", name: "Rita Reader" },
  reader2: { email: "reader2@e2e.test", password: "Reader-pass-1234!", role: "reader", name: "Rob Reader" },
  reader3: { email: "reader3@e2e.test", password: "Reader-pass-1234!", role: "reader", name: "Rae Reader" },
  // restricted readers (user:create --status/--until/--reason)
  suspended: {
    email: "suspended@e2e.test",
    password: "Reader-pass-1234!",
    role: "reader",
    name: "Sid Suspended",
    status: "suspended",
    until: "2099-01-01T00:00:00Z",
    reason: "cooling off",
  },
  banned: {
    email: "banned@e2e.test",
    password: "Reader-pass-1234!",
    role: "reader",
    name: "Ben Banned",
    status: "banned",
    reason: "spam",
  },
  // moderators whose API tokens the permission matrix uses (tests/permissions/types.ts TOKEN_WHO)
  tokenLive: {
    email: "token-live@e2e.test",
    password: "Mod-pass-12345!",
    role: "moderator",
    name: "Tia Token",
  },
  tokenDemoted: {
    email: "token-demoted@e2e.test",
    password: "Mod-pass-12345!",
    role: "moderator",
    name: "Dee Token",
  },
  tokenBanned: {
    email: "token-banned@e2e.test",
    password: "Mod-pass-12345!",
    role: "moderator",
    name: "Bo Token",
  },
  tokenSignedOut: {
    email: "token-out@e2e.test",
    password: "Mod-pass-12345!",
    role: "moderator",
    name: "Oz Token",
  },
};
