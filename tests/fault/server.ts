// Helpers for the fault tests: a production build (built once if missing), production servers started
// as child processes with their own databases, and a steady stream of requests.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { vi } from "vitest";

const ROOT = process.cwd();

/**
 * Ports of the fault tests: FAULT_PORT (default 4700) + offset, outside the 3200-3699 range that the
 * e2e servers and manual servers use, so a fault run never collides with them.
 */
export function faultPort(offset: number): number {
  return Number(process.env.FAULT_PORT || 4700) + offset;
}

/** `next build` when there is no production build yet (CI runs these tests after `npm test` built one). */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  execFileSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export interface Server {
  proc: ChildProcess;
  url: string;
  port: number;
  logs: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServer(port: number, env: Record<string, string | undefined>): Server {
  const proc = spawn("node", ["server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_SECRET: process.env.AUTH_SECRET,
      AGORA_SEED_ON_START: "1",
      LOG_LEVEL: "info",
      // the fault tests hammer the server from one address (views, votes, posts): the per-network
      // limits are raised here; their own behaviour is tested in tests/integration
      AGORA_LIMIT_VIEW_IP: "1000000/60",
      AGORA_LIMIT_ANON_VOTE: "1000000/86400",
      AGORA_LIMIT_POLL_VOTE_IP: "1000000/60",
      AGORA_LIMIT_FEEDBACK_IP: "1000000/60",
      AGORA_SSE_PER_NETWORK: "1000",
      // every write invalidates cached pages at once: tests wait for the change, not for a window
      AGORA_INVALIDATE_WINDOW_MS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return {
    proc,
    port,
    url: `http://127.0.0.1:${port}`,
    logs: () => out,
    exited,
    async stop(signal = "SIGTERM") {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request over a keep-alive agent; rejects on connection errors only. */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: opts.method ?? "GET", headers: opts.headers, agent, timeout: opts.timeoutMs ?? 15_000 },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** Polls /api/health until it answers 200 (or fails after timeoutMs); answers when it did. */
export async function waitHealthy(url: string, timeoutMs = 120_000): Promise<number> {
  await vi.waitFor(
    async () => {
      const r = await request(`${url}/api/health`, { timeoutMs: 3000 });
      if (r.status !== 200) throw new Error(`${url}/api/health: ${r.status}`);
    },
    { timeout: timeoutMs, interval: 100 },
  );
  return Date.now();
}

/**
 * The write used by the fault tests: the article view beacon, one new visitor per call (a distinct
 * user agent), so every acknowledged write is one row. When comment posting exists, swap this for a
 * comment post and `persisted` for a lookup of the posted bodies.
 */
export const SLUG = "will-russia-defend-maduro";
export function writeOnce(url: string, key: string): Promise<Reply> {
  return request(`${url}/api/v1/articles/${SLUG}/views`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "user-agent": key },
    body: "{}",
  });
}

export interface StreamResult {
  key: string;
  sentAt: number;
  doneAt: number;
  reply?: Reply;
  error?: string;
}

/**
 * `workers` loops calling `op` until `until()` is true; a worker whose request fails at the connection
 * level records the error and stops (no retry loop). `results` fills as answers arrive; `done` settles
 * when all stopped. Each worker waits for its answer before the next request (closed-loop load).
 */
export function stream(
  workers: number,
  op: (key: string) => Promise<Reply>,
  until: () => boolean,
  opts: { prefix?: string } = {},
): { results: StreamResult[]; done: Promise<void> } {
  const results: StreamResult[] = [];
  let n = 0;
  const done = Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (!until()) {
        const key = `${opts.prefix ?? "fault"}-${w}-${n++}`;
        const sentAt = Date.now();
        try {
          const reply = await op(key);
          results.push({ key, sentAt, doneAt: Date.now(), reply });
        } catch (e) {
          results.push({ key, sentAt, doneAt: Date.now(), error: (e as Error).message });
          return;
        }
      }
    }),
  ).then(() => {});
  return { results, done };
}
