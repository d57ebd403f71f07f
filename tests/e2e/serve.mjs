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
// test-only articles (e.g. a poll that closed in the past), never part of content/articles
execFileSync("npm", ["run", "-s", "db:seed", "--", "--dir", "tests/fixtures/content-e2e"], {
  env,
  stdio: "inherit",
});
// fixture accounts (tests/e2e/users.ts); the server must not be running yet on PGlite
const { USERS } = await import("./users-data.mjs");
for (const u of Object.values(USERS)) {
  execFileSync(
    "npm",
    [
      "run",
      "-s",
      "user:create",
      "--",
      "--email",
      u.email,
      "--password",
      u.password,
      "--role",
      u.role,
      "--name",
      u.name,
    ],
    { env, stdio: "inherit" },
  );
}
const child = spawn("node", ["server.mjs"], { env, stdio: "inherit" });
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
