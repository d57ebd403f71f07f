// npm run retention — drops hashed IPs and anonymous voter ids older than AGORA_RETENTION_DAYS (default
// 30) from vote, view and rate-limit records, keeping every total (lib/retention). The server also does
// this once a day by itself; this is for cron jobs and for checking what it would do.
import { applyRetention, retentionDays } from "../lib/retention";
import { withDb } from "./with-db";

await withDb("retention", async (h) => {
  const days = retentionDays();
  console.log(JSON.stringify({ days, ...(await applyRetention(h.db, { days })) }));
});
