// npm run user:create -- --email a@b.c --password '…' --role admin|moderator|reader --name 'Ada' [--update]
//   [--status active|suspended|banned] [--until 2030-01-01T00:00:00Z] [--reason 'why']
// Creates an account with a verified email. With --update, an existing account gets the new password,
// role, name and status (and its old sessions end). --status/--until/--reason make restricted accounts
// (e.g. the e2e fixtures of a suspended and a banned reader).
import { parseArgs } from "node:util";
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { runMigrations } from "../db/migrate";
import { type Role, type Status, UserInputError, upsertUser } from "../lib/auth/users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string", default: "reader" },
    name: { type: "string" },
    update: { type: "boolean", default: false },
    status: { type: "string", default: "active" },
    until: { type: "string" },
    reason: { type: "string" },
  },
});
const until = values.until ? new Date(values.until) : null;
if (until && Number.isNaN(until.getTime())) {
  console.error(`user:create: until: "${values.until}" is not a date; use e.g. 2030-01-01T00:00:00Z`);
  process.exit(2);
}
if (!values.email || !values.password) {
  console.error(
    "usage: npm run user:create -- --email a@b.c --password '…' [--role reader|moderator|admin] [--name 'Ada'] [--update] [--status active|suspended|banned] [--until ISO-date] [--reason text]",
  );
  process.exit(2);
}
try {
  const h = await openDb({ max: 1 });
  try {
    await runMigrations(h);
    const { user, created } = await upsertUser(
      h.db,
      {
        email: values.email,
        password: values.password,
        role: values.role as Role,
        name: values.name ?? values.email.split("@")[0],
        verified: true,
        status: values.status as Status,
        suspendedUntil: until,
        statusReason: values.reason ?? null,
      },
      { update: values.update },
    );
    const status = user.status === "active" ? "" : ` [${user.status}]`;
    console.log(`${created ? "created" : "updated"} ${user.role} ${user.email}${status} (id ${user.id})`);
  } finally {
    await h.close();
  }
} catch (e) {
  if (e instanceof UserInputError) console.error(`user:create: ${e.field}: ${e.message}`);
  else if (e instanceof DataDirLockedError) console.error(`user:create: ${e.message}`);
  else console.error(`user:create failed: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
}
