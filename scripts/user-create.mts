// npm run user:create -- --email a@b.c --password '…' --role admin|moderator|reader --name 'Ada' [--update]
// Creates an account with a verified email. With --update, an existing account gets the new password,
// role and name (and its old sessions end).
import { parseArgs } from "node:util";
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { runMigrations } from "../db/migrate";
import { type Role, UserInputError, upsertUser } from "../lib/auth/users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string", default: "reader" },
    name: { type: "string" },
    update: { type: "boolean", default: false },
  },
});
if (!values.email || !values.password) {
  console.error(
    "usage: npm run user:create -- --email a@b.c --password '…' [--role reader|moderator|admin] [--name 'Ada'] [--update]",
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
      },
      { update: values.update },
    );
    console.log(`${created ? "created" : "updated"} ${user.role} ${user.email} (id ${user.id})`);
  } finally {
    await h.close();
  }
} catch (e) {
  if (e instanceof UserInputError) console.error(`user:create: ${e.field}: ${e.message}`);
  else if (e instanceof DataDirLockedError) console.error(`user:create: ${e.message}`);
  else console.error(`user:create failed: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
}
