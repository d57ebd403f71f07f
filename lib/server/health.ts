import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isReady } from "./boot";

/** ok when the database answers `select 1` within 2 s and start-up (migrations) has finished. */
export async function checkHealth(): Promise<{
  ok: boolean;
  body: { status: "ok" | "degraded"; db: "ok" | "down" };
}> {
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref()),
    ]);
    if (!isReady()) return { ok: false, body: { status: "degraded", db: "down" } };
    return { ok: true, body: { status: "ok", db: "ok" } };
  } catch {
    return { ok: false, body: { status: "degraded", db: "down" } };
  }
}
