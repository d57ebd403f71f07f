import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // lib modules start with `import "server-only"`; tests run them outside Next
      "server-only": path.resolve(__dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // each integration file gets its own database (PostgreSQL) or directory (PGlite)
    fileParallelism: true,
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve:
    // let Vite transform it (lets tests import lib/auth/viewer.ts and what depends on it)
    server: { deps: { inline: ["next-auth"] } },
    env: {
      NODE_ENV: "test",
      AUTH_SECRET: "test-secret-for-vitest-only-0123456789",
      // feature tests post and vote fast from one address; the rate-limit tests set their own limits
      AGORA_LIMIT_COMMENT_USER: "100000/60",
      AGORA_LIMIT_COMMENT_IP: "100000/60",
      // every write invalidates cached pages at once: tests wait for the change, not for a window
      AGORA_INVALIDATE_WINDOW_MS: "0",
    },
  },
});
