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
// a real SMTP server for this run (tests/helpers/mail-sink.mjs): every mail the app sends lands in
// tests/e2e/.mailbox-<port>.jsonl, which tests read (tests/e2e/mail.ts)
const mailbox = path.join("tests", "e2e", `.mailbox-${port}.jsonl`);
fs.rmSync(mailbox, { force: true });
if (!env.SMTP_URL) {
  const { startMailSink } = await import("../helpers/mail-sink.mjs");
  env.SMTP_URL = (await startMailSink({ file: mailbox })).url;
}
// the server's output also goes to a file, so tests can check that no secret reaches a log line
const serverLog = path.join("tests", "e2e", `.server-${port}.log`);
fs.writeFileSync(serverLog, "");
fs.writeFileSync(
  path.join("tests", "e2e", ".state.json"),
  JSON.stringify({
    DATABASE_URL: env.DATABASE_URL ?? null,
    AGORA_DATA_DIR: env.AGORA_DATA_DIR ?? null,
    port,
    mailbox,
    serverLog,
  }),
);
execFileSync("npm", ["run", "-s", "db:migrate"], { env, stdio: "inherit" });
// with the demo articles: several specs use them (e.g. the CSP test's planted script)
execFileSync("npm", ["run", "-s", "db:seed", "--", "--demo"], { env, stdio: "inherit" });
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
      ...(u.status ? ["--status", u.status] : []),
      ...(u.until ? ["--until", u.until] : []),
      ...(u.reason ? ["--reason", u.reason] : []),
    ],
    { env, stdio: "inherit" },
  );
}
// feature fixtures (tests/e2e/seed/*.mts), written before the server owns the database
const seedDir = path.join("tests", "e2e", "seed");
if (fs.existsSync(seedDir))
  for (const f of fs
    .readdirSync(seedDir)
    .filter((n) => n.endsWith(".mts"))
    .sort())
    execFileSync("npx", ["tsx", path.join(seedDir, f)], { env, stdio: "inherit" });
const child = spawn("node", ["server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
const logFile = fs.createWriteStream(serverLog, { flags: "a" });
child.stdout.on("data", (d) => {
  process.stdout.write(d);
  logFile.write(d);
});
child.stderr.on("data", (d) => {
  process.stderr.write(d);
  logFile.write(d);
});
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
