// Seeding from the server process (development start-up) and from `npm run db:seed`.
import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { log } from "@/lib/log";

/** Seeds the content files when no article exists yet (a fresh development database). */
export async function seedIfEmpty(): Promise<void> {
  const db = await getDb();
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(articles);
  if (n > 0) return;
  // development keeps its demo articles; a production start (AGORA_SEED_ON_START) seeds real content only
  const { seeded, errors } = await seedContent(db, undefined, {
    demo: process.env.NODE_ENV !== "production",
  });
  for (const e of errors) log.error(e.message);
  log.info({ seeded }, "seeded an empty database with content/articles");
}
