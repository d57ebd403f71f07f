// Starts production servers of our own for the comment specs: on a fresh database (a new PostgreSQL
// database when DATABASE_URL is set or PostgreSQL is required, otherwise a new PGlite directory), with
// the fixture users, and with comment rate limits raised so that a spec can post dozens of comments from
// one address. Several servers may share one PostgreSQL database (the two-instance spec).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { USERS } from "./users-data.mjs";

export const LOCAL_PG = "postgres://postgres@127.0.0.1:5432/postgres";

export interface Db {
  env: Record<string, string>;
  drop(): void;
}

/** A fresh, migrated and seeded database with the fixture users. */
export function freshDatabase(
  kind: "postgres" | "pglite",
  baseUrl = process.env.DATABASE_URL || LOCAL_PG,
): Db {
  const env: Record<string, string> = {};
  let drop = () => {};
  if (kind === "postgres") {
    const name = `agora_e2e_cm_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const admin = new URL(baseUrl);
    admin.pathname = "/postgres";
    execFileSync("psql", [admin.toString(), "-qAtc", `create database ${name}`]);
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    drop = () => {
      try {
        execFileSync("psql", [admin.toString(), "-qAtc", `drop database if exists ${name} with (force)`]);
      } catch {}
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-e2e-cm-"));
    env.AGORA_DATA_DIR = dir;
    drop = () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const run = (args: string[]) =>
    execFileSync("npm", ["run", "-s", ...args], { env: { ...cleanEnv(), ...env }, stdio: "pipe" });
  run(["db:migrate"]);
  run(["db:seed", "--", "--demo"]);
  for (const u of Object.values(USERS))
    run([
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
    ]);
  return { env, drop };
}

function cleanEnv(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.DATABASE_URL;
  delete e.AGORA_DATA_DIR;
  return e;
}

export interface Server {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(
  port: number,
  db: Db,
  extraEnv: Record<string, string> = {},
): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("node", ["server.mjs"], {
    env: {
      ...cleanEnv(),
      ...db.env,
      NODE_ENV: "production",
      PORT: String(port),
      AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123",
      AUTH_TRUST_HOST: "true",
      AUTH_URL: url,
      AGORA_LIMIT_COMMENT_USER: "500/60",
      AGORA_LIMIT_COMMENT_IP: "2000/60",
      AGORA_LIMIT_VOTE_USER: "500/60",
      AGORA_LIMIT_REPORT_USER: "500/3600",
      // every write invalidates cached pages at once: specs wait for the change, not for a window
      AGORA_INVALIDATE_WINDOW_MS: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  // ready when the server says its database is ready (lib/server/boot.ts), not after polling
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes('"msg":"database ready"')) done(resolve);
    };
    const onExit = () => done(() => reject(new Error(`server on ${port} exited:\n${log}`)));
    const deadline = setTimeout(
      () =>
        done(() => {
          child.kill("SIGKILL");
          reject(new Error(`server on ${port} never became ready:\n${log}`));
        }),
      60_000,
    );
    const done = (then: () => void) => {
      clearTimeout(deadline);
      child.off("exit", onExit);
      then();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => (log += d));
    child.once("exit", onExit);
  });
  const health = await fetch(`${url}/api/health`);
  if (!health.ok) throw new Error(`server on ${port}: health ${health.status}:\n${log}`);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/** Ports for these specs: beside the shared e2e server's (E2E_PORT). */
export function specPort(offset: number): number {
  return Number(process.env.E2E_PORT || 3210) + offset;
}
