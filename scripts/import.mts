// npm run import -- --disqus FILE.xml | --wordpress FILE.xml — comments from a Disqus export or a
// WordPress WXR file into DATABASE_URL or the PGlite directory (lib/import, docs/decisions/120-import.md).
// A progress bar with rate and ETA on a terminal (a line per 10% otherwise); a report per kind at the end.
// Exit 0 when imported, 1 with one clear line (file, line, element) when the file or the database is not right.
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { formatReport, type ImportFormat, type ImportProgress, importFile } from "../lib/import";
import { withDb } from "./with-db";

const usage = "usage: npm run import -- --disqus FILE.xml | --wordpress FILE.xml";
let values: { disqus?: string; wordpress?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      disqus: { type: "string" },
      wordpress: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (e) {
  console.error(`import: ${(e as Error).message}\n${usage}`);
  process.exit(1);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (Boolean(values.disqus) === Boolean(values.wordpress)) {
  console.error(`import: give exactly one of --disqus FILE or --wordpress FILE\n${usage}`);
  process.exit(1);
}
const format: ImportFormat = values.disqus ? "disqus" : "wordpress";
const file = (values.disqus ?? values.wordpress) as string;
const publicBase = process.env.AGORA_PUBLIC_URL || process.env.AUTH_URL || null;

const tty = Boolean(process.stderr.isTTY);
const bar = tty
  ? new cliProgress.SingleBar(
      {
        format: "{phase} [{bar}] {percentage}% | {posts} posts | {rate} MB/s | ETA {eta_formatted}",
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    )
  : null;
let started = 0;
let lastTenth = -1;
let phase = "";
function show(p: ImportProgress) {
  const mb = p.bytesRead / 1024 ** 2;
  const secs = (Date.now() - started) / 1000;
  const payload = {
    phase: p.phase === "checking" ? "checking " : "importing",
    posts: p.phase === "checking" ? "…" : `${p.postsDone}/${p.postsTotal}`,
    rate: secs > 0 ? (mb / secs).toFixed(1) : "0.0",
  };
  if (p.phase !== phase) {
    phase = p.phase;
    started = Date.now();
    lastTenth = -1;
    if (bar && p.phase !== "done") {
      bar.stop();
      bar.start(p.totalBytes, p.bytesRead, payload);
    }
  }
  if (bar) bar.update(p.bytesRead, payload);
  else if (p.phase !== "done") {
    const tenth = Math.floor((10 * p.bytesRead) / Math.max(1, p.totalBytes));
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      console.error(
        `import: ${payload.phase.trim()} ${tenth * 10}% (${payload.posts} posts, ${payload.rate} MB/s)`,
      );
    }
  }
}

const t0 = Date.now();
await withDb(
  "import",
  async (h) => {
    try {
      const { report, slugs } = await importFile(h.db, { format, file, publicBase, onProgress: show });
      bar?.stop();
      // the running servers drop their cached pages of these articles (lib/cache listens on this channel)
      // pg_notify payloads are limited to 8 kB: the tags go out in slices
      for (let i = 0; i < slugs.length; i += 50) {
        const tags = slugs.slice(i, i + 50).map((s) => `article:${s}`);
        const payload = JSON.stringify({ from: "import", tags });
        if (h.kind === "postgres") await h.sql!`select pg_notify('agora_cache', ${payload})`;
        else await h.pglite!.query("select pg_notify($1, $2)", ["agora_cache", payload]);
      }
      console.log(
        `import: ${file} (${format}) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n${formatReport(report)}`,
      );
    } catch (e) {
      bar?.stop();
      throw e;
    }
  },
  2,
);
