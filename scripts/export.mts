// npm run export [-- --out FILE] — all content as JSON (lib/export) from DATABASE_URL or the PGlite
// directory (refused while a server holds it: stop the server, or export from PostgreSQL).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { exportContent } from "../lib/export";
import { withDb } from "./with-db";

const { values } = parseArgs({ options: { out: { type: "string", short: "o" } } });

await withDb(
  "export",
  async (h) => {
    const data = await exportContent(h.db);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (!values.out) {
      process.stdout.write(text);
      return;
    }
    fs.writeFileSync(values.out, text);
    console.error(
      `export: ${data.articles.length} articles, ${data.polls.length} polls, ${data.comments.length} comments → ${values.out}`,
    );
  },
  2,
);
