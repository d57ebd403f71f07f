// A PostgreSQL cluster of the fault tests' own, in a temporary directory on a port of its own, so that
// stopping and restarting it never touches the machine's cluster (other tests' connections). Needs the
// Debian PostgreSQL server binaries; as root the cluster runs as the `postgres` user.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

export interface Cluster {
  url: string;
  start(): void;
  stop(): void;
  destroy(): void;
}

/** Returns null (with the reason) when no cluster can be made here. */
export function createCluster(port: number): Cluster | string {
  const bin = pgBin();
  if (!bin) return "no PostgreSQL server binaries under /usr/lib/postgresql";
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-pgfault-"));
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  try {
    if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
    run("initdb", ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    return `initdb failed: ${(e as Error).message.split("\n")[0]}`;
  }
  const ctl = (...args: string[]) => run("pg_ctl", ["-D", path.join(dir, "data"), ...args]);
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      ctl(
        "-l",
        path.join(dir, "server.log"),
        "-w",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
        "start",
      );
    },
    stop() {
      ctl("-m", "fast", "-w", "stop");
    },
    destroy() {
      try {
        ctl("-m", "immediate", "-w", "stop");
      } catch {
        /* not running */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
