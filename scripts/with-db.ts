// Shared frame of the command-line scripts: open the database (DATABASE_URL or the PGlite directory),
// run, close; a directory held by a running server, or any failure, becomes one clear line and exit 1.
import { type DbHandle, openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";

export async function withDb(name: string, run: (h: DbHandle) => Promise<void>, max = 1): Promise<void> {
  try {
    const h = await openDb({ max });
    try {
      await run(h);
    } finally {
      await h.close();
    }
  } catch (e) {
    if (e instanceof DataDirLockedError) console.error(`${name}: ${e.message}`);
    else console.error(`${name} failed: ${(e as Error).message.split("\n")[0]}`);
    process.exit(1);
  }
}
