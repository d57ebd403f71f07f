// Shared set-up for the load benchmarks: a fresh PostgreSQL database next to DATABASE_URL, migrated and
// seeded with the project's own commands, and `node server.mjs` in production mode on it (TRUST_PROXY_HOPS=1
// so each request's X-Forwarded-For is its client address). Builds once if no production build exists.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import postgres from "postgres";

const BASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** CPU time (ms, user + system) used so far by these processes (Linux /proc; 0 where unreadable). */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return ticks * 10; // clock ticks of USER_HZ 100
}

export const dbUrl = (name) => Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();

async function waitHealthy(origin, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode != null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server never became healthy");
}

/**
 * Creates the database (`agora_bench_<prefix>_…`), migrates and seeds it, runs `before(sql)` while no server
 * holds it, starts the server with `env` added, and waits for health. `stop()` ends the server and drops
 * the database (kept with BENCH_KEEP_DB=1).
 */
export async function startBenchServer({ prefix, port, env: extra = {}, before }) {
  if (!fs.existsSync(".next/BUILD_ID")) execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  const origin = `http://127.0.0.1:${port}`;
  const name = `agora_bench_${prefix}_${Date.now().toString(36)}`;
  const admin = postgres(dbUrl("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = dbUrl(name);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET || "bench-only-secret-0123456789abcdef0123456789",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: origin,
    TRUST_PROXY_HOPS: "1",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || "warn",
    ...extra,
  };
  execFileSync("npm", ["run", "-s", "db:migrate"], { env, stdio: "inherit" });
  execFileSync("npm", ["run", "-s", "db:seed"], { env, stdio: "inherit" });
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  if (before) await before(sql);
  // BENCH_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load
  const flags = (process.env.BENCH_NODE_FLAGS || "").split(/\s+/).filter(Boolean);
  const server = spawn("node", [...flags, "server/main.mjs"], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode == null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    await sql.end();
    if (process.env.BENCH_KEEP_DB !== "1") await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await waitHealthy(origin, server);
  } catch (e) {
    await stop();
    throw e;
  }
  return { origin, url, sql, server, stop };
}
