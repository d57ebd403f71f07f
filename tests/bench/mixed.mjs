// npm run bench:mixed — a mixed load on PostgreSQL against the production build (issue 7):
// 60 s at -c 50 of 90 % reads (the cached article page and the first-page comments API), 8 % poll votes
// (each a new anonymous voter from a new address) and 2 % comment posts (signed-in readers, distinct
// bodies). Goals: 0 errors, p99 <= 250 ms, server RSS <= 300 MB. Limits are raised for the run
// (AGORA_LIMIT_COMMENT_USER/COMMENT_IP/POLL_VOTE_IP) because the benchmark measures the paths, not the
// limiter's refusals. Environment: BENCH_CONNECTIONS (50), BENCH_DURATION (60), BENCH_PORT (3821),
// BENCH_READERS (20), DATABASE_URL (a server to create the fresh database on).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import postgres from "postgres";

const BASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT || 3821);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const DURATION = Number(process.env.BENCH_DURATION || 60);
const READERS = Number(process.env.BENCH_READERS || 20);
const SLUG = "will-russia-defend-maduro";
const GOAL = { p99Ms: 250, rssMb: 300 };
const origin = `http://127.0.0.1:${PORT}`;

const dbUrl = (name) => Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();

async function waitHealthy(child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode != null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server never became healthy");
}

/** Auth.js's ordinary credentials sign-in; returns the Cookie header value. */
async function signIn(email, password) {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const jar = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: origin }),
  });
  const cookies = [...jar, ...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])];
  const session = cookies.filter((c) => c.includes("session-token"));
  if (!session.length) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return session.join("; ");
}

const rssMb = (pid) => {
  try {
    return Math.round(
      Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024,
    );
  } catch {
    return 0;
  }
};

if (!fs.existsSync(".next/BUILD_ID")) execFileSync("npx", ["next", "build"], { stdio: "inherit" });

const name = `agora_bench_mixed_${Date.now().toString(36)}`;
const admin = postgres(dbUrl("postgres"), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = dbUrl(name);
const env = {
  ...process.env,
  DATABASE_URL: url,
  PORT: String(PORT),
  NODE_ENV: "production",
  AUTH_SECRET: process.env.AUTH_SECRET || "bench-only-secret-0123456789abcdef0123456789",
  AUTH_TRUST_HOST: "true",
  AUTH_URL: origin,
  TRUST_PROXY_HOPS: "1",
  AGORA_LIMIT_POLL_VOTE_IP: "1000000/60",
  AGORA_LIMIT_COMMENT_USER: "1000000/60",
  AGORA_LIMIT_COMMENT_IP: "1000000/60",
  AGORA_LIMIT_SIGNIN_IP: "1000000/60",
  LOG_LEVEL: "warn",
};
execFileSync("npm", ["run", "-s", "db:migrate"], { env, stdio: "inherit" });
execFileSync("npm", ["run", "-s", "db:seed"], { env, stdio: "inherit" });
const sql = postgres(url, { max: 2, onnotice: () => {} });
const password = "Bench-reader-pass-1234";
const pwHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
for (let i = 0; i < READERS; i++)
  await sql`insert into users (id, email, name, role, password_hash, email_verified)
            values (${crypto.randomUUID()}, ${`bench${i}@bench.test`}, ${`Bench reader ${i}`}, 'reader', ${pwHash}, now())`;

const server = spawn("node", ["server.mjs"], { env, stdio: ["ignore", "inherit", "inherit"] });
let exitCode = 0;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 500);
try {
  await waitHealthy(server);
  const cookies = [];
  for (let i = 0; i < READERS; i++) cookies.push(await signIn(`bench${i}@bench.test`, password));
  const polls = await (await fetch(`${origin}/api/v1/articles/${SLUG}/polls`)).json();
  const poll = polls.polls[0];
  const options = poll.options.map((o) => o.id);
  let n = 0;
  const counts = { page: 0, api: 0, vote: 0, post: 0 };
  const mixed = (req) => {
    n++;
    const r = Math.random();
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    if (r < 0.6) {
      counts.page++;
      return { ...req, method: "GET", path: `/articles/${SLUG}`, body: undefined, headers: {} };
    }
    if (r < 0.9) {
      counts.api++;
      return {
        ...req,
        method: "GET",
        path: `/api/v1/articles/${SLUG}/comments`,
        body: undefined,
        headers: {},
      };
    }
    if (r < 0.98) {
      counts.vote++;
      return {
        ...req,
        method: "PUT",
        path: `/api/v1/polls/${poll.id}/vote`,
        headers: { origin, "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ optionIds: [options[n % options.length]] }),
      };
    }
    counts.post++;
    return {
      ...req,
      method: "POST",
      path: `/api/v1/articles/${SLUG}/comments`,
      headers: {
        origin,
        "content-type": "application/json",
        "x-forwarded-for": ip,
        cookie: cookies[n % cookies.length],
      },
      body: JSON.stringify({ body: `Mixed-load comment number ${n}: a distinct thought each time.` }),
    };
  };
  // warm-up: routes compiled, pools filled, the page cached
  await new Promise((resolve, reject) =>
    autocannon({ url: origin, connections: 10, duration: 3, requests: [{ setupRequest: mixed }] }, (e, r) =>
      e ? reject(e) : resolve(r),
    ),
  );
  peakRss = 0;
  for (const k of Object.keys(counts)) counts[k] = 0;
  const res = await new Promise((resolve, reject) =>
    autocannon(
      { url: origin, connections: CONNECTIONS, duration: DURATION, requests: [{ setupRequest: mixed }] },
      (e, r) => (e ? reject(e) : resolve(r)),
    ),
  );
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  const errors = res.errors + res.timeouts + res.non2xx;
  console.log(`\nbench:mixed  PostgreSQL, production build, autocannon -c ${CONNECTIONS} -d ${DURATION}`);
  console.log(
    `  mix: page ${counts.page}, comments API ${counts.api}, poll votes ${counts.vote}, comment posts ${counts.post}`,
  );
  console.log(
    `  ${Math.round(res.requests.average)} req/s; latency p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms, max ${res.latency.max} ms`,
  );
  console.log(
    `  errors: ${res.errors}, timeouts: ${res.timeouts}, non-2xx: ${res.non2xx}; server peak RSS ${peakRss} MB; load average ${load}`,
  );
  const ok = errors === 0 && res.latency.p99 <= GOAL.p99Ms && peakRss <= GOAL.rssMb;
  console.log(
    `  goal (0 errors, p99 <= ${GOAL.p99Ms} ms, RSS <= ${GOAL.rssMb} MB): ${ok ? "met" : "NOT met"}`,
  );
} catch (e) {
  console.error(`bench:mixed failed: ${e.message}`);
  exitCode = 1;
} finally {
  clearInterval(sampler);
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await sql.end();
  if (!process.env.BENCH_KEEP_DB) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(exitCode);
