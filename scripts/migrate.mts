// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the PGlite directory
// (refused with a clear message while a server holds that directory: the server migrates at start-up).
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { runMigrations } from "../db/migrate";

try {
  const h = await openDb({ max: 1 });
  try {
    await runMigrations(h);
    console.log(`migrations applied (${h.kind}: ${h.location})`);
  } finally {
    await h.close();
  }
} catch (e) {
  if (e instanceof DataDirLockedError) console.error(`db:migrate: ${e.message}`);
  else console.error(`db:migrate failed: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
}
