// npm run export [-- --format json|csv|disqus] [--out PATH] — from DATABASE_URL or the PGlite directory
// (refused while a server holds it: stop the server, or export from PostgreSQL). lib/export:
//   json    one document: all content, accounts (no secrets), votes, poll votes per pseudonymous voter,
//           ratings, the moderation audit (default; to stdout without --out)
//   csv     one file per table in the folder PATH (articles.csv, comments.csv, accounts.csv, …)
//   disqus  the comments as a Disqus export (XML) that Disqus and `npm run import -- --disqus` accept
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportAll, exportTables, toCsv, writeDisqus } from "../lib/export/full";
import { withDb } from "./with-db";

const usage = "usage: npm run export -- [--format json|csv|disqus] [--out PATH]";
let values: { out?: string; format?: string };
try {
  ({ values } = parseArgs({
    options: { out: { type: "string", short: "o" }, format: { type: "string", short: "f", default: "json" } },
  }));
} catch (e) {
  console.error(`export: ${(e as Error).message}\n${usage}`);
  process.exit(1);
}
const format = values.format ?? "json";
if (!["json", "csv", "disqus"].includes(format)) {
  console.error(`export: --format must be json, csv or disqus, not "${format}"\n${usage}`);
  process.exit(1);
}
if (format === "csv" && !values.out) {
  console.error(`export: --format csv writes one file per table: give a folder with --out PATH\n${usage}`);
  process.exit(1);
}

await withDb(
  "export",
  async (h) => {
    if (format === "json") {
      const data = await exportAll(h.db);
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (!values.out) process.stdout.write(text);
      else fs.writeFileSync(values.out, text);
      console.error(
        `export: ${data.articles.length} articles, ${data.polls.length} polls, ${data.comments.length} comments, ${data.accounts.length} accounts${values.out ? ` → ${values.out}` : ""}`,
      );
    } else if (format === "csv") {
      const dir = values.out as string;
      fs.mkdirSync(dir, { recursive: true });
      const { tables } = await exportTables(h.db);
      for (const [name, rows] of Object.entries(tables))
        fs.writeFileSync(path.join(dir, `${name}.csv`), toCsv(rows as Record<string, unknown>[]));
      console.error(
        `export: ${Object.entries(tables)
          .map(([n, r]) => `${n} ${(r as unknown[]).length}`)
          .join(", ")} → ${dir}/*.csv`,
      );
    } else {
      const publicBase = process.env.AGORA_PUBLIC_URL || process.env.AUTH_URL || "http://localhost:3000";
      let target = values.out;
      if (target && (target.endsWith("/") || fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())) {
        fs.mkdirSync(target, { recursive: true });
        target = path.join(target, "agora-disqus.xml");
      }
      const stream = target ? fs.createWriteStream(target) : process.stdout;
      const write = (s: string) =>
        new Promise<void>((resolve, reject) => {
          if (stream.write(s)) resolve();
          else stream.once("drain", resolve).once("error", reject);
        });
      const n = await writeDisqus(h.db, { publicBase, write });
      if (target) await new Promise<void>((r) => (stream as fs.WriteStream).end(r));
      console.error(
        `export: ${n.threads} threads, ${n.posts} comments as Disqus XML${target ? ` → ${target}` : ""}`,
      );
    }
  },
  2,
);
