// npm run export [-- --out FILE] — all content as JSON (lib/export) from DATABASE_URL or the PGlite
// directory (refused while a server holds it: stop the server, or export from PostgreSQL).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { exportContent } from "../lib/export";

const { values } = parseArgs({ options: { out: { type: "string", short: "o" } } });

try {
  const h = await openDb({ max: 2 });
  try {
    const data = await exportContent(h.db);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (values.out) {
      fs.writeFileSync(values.out, text);
      console.error(
        `export: ${data.articles.length} articles, ${data.polls.length} polls, ${data.comments.length} comments → ${values.out}`,
      );
    } else process.stdout.write(text);
  } finally {
    await h.close();
  }
} catch (e) {
  if (e instanceof DataDirLockedError) console.error(`export: ${e.message}`);
  else console.error(`export failed: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
}
