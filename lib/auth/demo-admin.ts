// Development only: on an empty database, `npm run dev` creates a demo administrator with a random
// password and prints the email and password once in the server log, so that a newcomer can reach
// /admin right away. Never in production (and never when any account exists).
import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { upsertUser } from "./users";

export const DEMO_ADMIN_EMAIL = "admin@example.com";

/** Creates the demo admin when there is no account at all; returns its password (null: nothing done). */
export async function createDemoAdminIfEmpty(): Promise<string | null> {
  if (process.env.NODE_ENV === "production") return null;
  const db = await getDb();
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return null;
  const password = `demo-${randomBytes(12).toString("base64url")}`;
  await upsertUser(db, {
    email: DEMO_ADMIN_EMAIL,
    password,
    role: "admin",
    name: "Demo Admin",
    verified: true,
  });
  return password;
}
