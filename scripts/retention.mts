// npm run retention — drops hashed IPs and anonymous voter ids older than AGORA_RETENTION_DAYS (default
// 30) from vote, view and rate-limit records, keeping every total (lib/retention). The server also does
// this once a day by itself; this is for cron jobs and for checking what it would do.
import { openDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { applyRetention, retentionDays } from "../lib/retention";

try {
  const days = retentionDays();
  const h = await openDb({ max: 1 });
  try {
    const r = await applyRetention(h.db, { days });
    console.log(JSON.stringify({ days, ...r }));
  } finally {
    await h.close();
  }
} catch (e) {
  if (e instanceof DataDirLockedError) console.error(`retention: ${e.message}`);
  else console.error(`retention failed: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
}
