// npm run db:seed — idempotent: upserts the articles in content/articles (authors, questions, polls).
// The demo articles (tagged `demo`) are development data: left out unless `--demo` is given (or `--dir`
// names another folder, e.g. test fixtures, which is seeded whole).
// A malformed file is reported with its name and field, nothing from it is seeded, and the exit code is 1.
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { runMigrations } from "../db/migrate";
import { seedContent } from "../db/seed/seed";

const dirArg = process.argv.indexOf("--dir");
const dir = dirArg > 0 ? process.argv[dirArg + 1] : undefined;
const demo = process.argv.includes("--demo") || dir !== undefined;
try {
  const h = await openDb({ max: 1 });
  try {
    await runMigrations(h);
    const { seeded, errors } = await seedContent(h.db, dir, { demo });
    console.log(`seeded ${seeded.length} article(s): ${seeded.join(", ")}`);
    for (const e of errors) console.error(`db:seed: ${e.message}`);
    if (errors.length) process.exitCode = 1;
  } finally {
    await h.close();
  }
} catch (e) {
  if (e instanceof DataDirLockedError) console.error(`db:seed: ${e.message}`);
  else console.error(`db:seed failed: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
}
