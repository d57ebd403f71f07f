import path from "node:path";
import { defineConfig } from "vitest/config";

// Fault tests (tests/fault): they start production servers and stop databases, so they run after the
// build, one file at a time, never beside other tests (.ci/run runs them last and alone).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib modules start with `import "server-only"`; tests run them outside Next
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    dir: "tests/fault",
    include: ["**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    env: { NODE_ENV: "test", AUTH_SECRET: "fault-test-secret-0123456789abcdef" },
  },
});
