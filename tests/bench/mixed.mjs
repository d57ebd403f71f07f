// npm run bench:mixed — a mixed load on PostgreSQL against the production build (issue 7):
// 60 s at -c 50 of 90 % reads (the cached article page and the first-page comments API), 8 % poll votes
// (each a new anonymous voter from a new address) and 2 % comment posts (signed-in readers, distinct
// bodies). Goals: 0 errors, p99 <= 250 ms, server RSS <= 300 MB. Limits are raised for the run
// (AGORA_LIMIT_COMMENT_USER/COMMENT_IP/POLL_VOTE_IP) because the benchmark measures the paths, not the
// limiter's refusals. Environment: BENCH_CONNECTIONS (50), BENCH_DURATION (60), BENCH_PORT (3821),
// BENCH_READERS (20), DATABASE_URL (a server to create the fresh database on).
import fs from "node:fs";
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import { cpuMs, startBenchServer } from "./bench-server.mjs";

const PORT = Number(process.env.BENCH_PORT || 3821);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const DURATION = Number(process.env.BENCH_DURATION || 60);
const READERS = Number(process.env.BENCH_READERS || 20);
const SLUG = "will-russia-defend-maduro";
const GOAL = { p99Ms: 250, rssMb: 300 };
const origin = `http://127.0.0.1:${PORT}`;

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

const password = "Bench-reader-pass-1234";
const pwHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
const { server, stop } = await startBenchServer({
  prefix: "mixed",
  port: PORT,
  env: {
    AGORA_LIMIT_POLL_VOTE_IP: "1000000/60",
    AGORA_LIMIT_COMMENT_USER: "1000000/60",
    AGORA_LIMIT_COMMENT_IP: "1000000/60",
    AGORA_LIMIT_SIGNIN_IP: "1000000/60",
  },
  // readers with verified emails, written before the server starts
  before: async (sql) => {
    for (let i = 0; i < READERS; i++)
      await sql`insert into users (id, email, name, role, password_hash, email_verified)
                values (${crypto.randomUUID()}, ${`bench${i}@bench.test`}, ${`Bench reader ${i}`}, 'reader', ${pwHash}, now())`;
  },
});
let exitCode = 0;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 500);
try {
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
  const cpuBefore = cpuMs([server.pid]);
  const res = await new Promise((resolve, reject) =>
    autocannon(
      { url: origin, connections: CONNECTIONS, duration: DURATION, requests: [{ setupRequest: mixed }] },
      (e, r) => (e ? reject(e) : resolve(r)),
    ),
  );
  const serverMs = cpuMs([server.pid]) - cpuBefore;
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
  // the server's own CPU per request: what the machine's load moves least (throughput moves ±15 % here)
  console.log(`  server CPU ${((serverMs * 1000) / res.requests.total).toFixed(0)} µs per request`);
  const ok = errors === 0 && res.latency.p99 <= GOAL.p99Ms && peakRss <= GOAL.rssMb;
  console.log(
    `  goal (0 errors, p99 <= ${GOAL.p99Ms} ms, RSS <= ${GOAL.rssMb} MB): ${ok ? "met" : "NOT met"}`,
  );
} catch (e) {
  console.error(`bench:mixed failed: ${e.message}`);
  exitCode = 1;
} finally {
  clearInterval(sampler);
  await stop();
}
process.exit(exitCode);
