import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` only diffs the schema against the committed snapshots: it needs no database.
// Migrations are applied by db/migrate.ts (server start-up and `npm run db:migrate`), never by `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
