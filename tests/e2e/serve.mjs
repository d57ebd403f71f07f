// Starts the production build for the e2e tests on a fresh database of its own: a new PostgreSQL
// database next to DATABASE_URL when that is set, otherwise a new PGlite directory. Migrates and seeds
// with the project's own commands, then runs server.mjs. Exposes the database to the tests through
// tests/e2e/.state.json (e.g. to create users).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-secret-0123456789abcdef0123",
  AUTH_TRUST_HOST: "true",
  // test only: plants an attacker's inline script into this cached page (cache-handler.cjs), which the
  // CSP test expects the browser to block
  AGORA_TEST_INJECT_SCRIPT_PATH: "/articles/demo-newsroom-comment-guidelines",
  METRICS_TOKEN: "e2e-metrics-token",
};
const port = env.PORT || "3210";
env.AUTH_URL = `http://127.0.0.1:${port}`;
if (env.DATABASE_URL) {
  const name = `agora_e2e_${Date.now().toString(36)}`;
  const admin = new URL(env.DATABASE_URL);
  admin.pathname = "/postgres";
  execFileSync("psql", [admin.toString(), "-qAtc", `create database ${name}`], { stdio: "inherit" });
  const u = new URL(env.DATABASE_URL);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
} else {
  env.AGORA_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "agora-e2e-"));
}
fs.writeFileSync(
  path.join("tests", "e2e", ".state.json"),
  JSON.stringify({
    DATABASE_URL: env.DATABASE_URL ?? null,
    AGORA_DATA_DIR: env.AGORA_DATA_DIR ?? null,
    port,
  }),
);
execFileSync("npm", ["run", "-s", "db:migrate"], { env, stdio: "inherit" });
execFileSync("npm", ["run", "-s", "db:seed"], { env, stdio: "inherit" });
const child = spawn("node", ["server.mjs"], { env, stdio: "inherit" });
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
