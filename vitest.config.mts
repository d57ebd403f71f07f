import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // each integration file gets its own database (PostgreSQL) or directory (PGlite)
    fileParallelism: true,
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; let Vite
    // resolve it (tests that reach lib/auth load next-auth)
    server: { deps: { inline: ["next-auth"] } },
    env: { NODE_ENV: "test", AUTH_SECRET: "test-secret-for-vitest-only-0123456789" },
  },
});
