// npm run bench:polls — poll votes per second on PostgreSQL against the production build.
//
// A fresh database next to DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), migrated
// and seeded with the project's own commands; `node server.mjs` in production mode on BENCH_PORT (3811)
// with TRUST_PROXY_HOPS=1 so that every request's X-Forwarded-For is its client address. Then
// autocannon (-c 50 -d 15 by default) sends PUT /api/v1/polls/{id}/vote for the seed article's first poll,
// every request from a new anonymous voter (no voter cookie, so the server makes a new voter id) and a
// new client address, spread over the poll's options. The per-IP poll vote limit is raised for the run
// (AGORA_LIMIT_POLL_VOTE_IP=1000000/60): with distinct addresses it would not bite anyway, but the
// benchmark measures the vote path, not the limiter's refusals.
// Afterwards it checks that the totals on the rows equal the stored votes and that every accepted vote
// was stored, and says so. Goal: >= 1,000 votes/s with p99 <= 100 ms.
//
// Environment: BENCH_CONNECTIONS (50), BENCH_DURATION (15 s), BENCH_PORT (3811), BENCH_KEEP_DB=1.
// Needs a production build (`npx next build`); builds one if .next/BUILD_ID is missing.
import fs from "node:fs";
import autocannon from "autocannon";
import { cpuMs, startBenchServer } from "./bench-server.mjs";

const PORT = Number(process.env.BENCH_PORT || 3811);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const DURATION = Number(process.env.BENCH_DURATION || 15);
const GOAL = { votesPerSecond: 1000, p99Ms: 100 };
const origin = `http://127.0.0.1:${PORT}`;

function run(opts) {
  return new Promise((resolve, reject) => {
    const inst = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    process.once("SIGINT", () => inst.stop());
  });
}

let n = 0;
/** a new client address per request: 10.x.y.z */
const nextIp = () => {
  n++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

function voteRequests(pollId, options) {
  return {
    url: `${origin}/api/v1/polls/${pollId}/vote`,
    method: "PUT",
    headers: { origin, "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, "x-forwarded-for": nextIp() },
          body: JSON.stringify({ optionIds: [options[n % options.length]] }),
        }),
      },
    ],
  };
}

const { server, sql, stop } = await startBenchServer({
  prefix: "polls",
  port: PORT,
  env: { AGORA_LIMIT_POLL_VOTE_IP: "1000000/60" },
});
let exitCode = 0;
try {
  const polls = await (await fetch(`${origin}/api/v1/articles/will-russia-defend-maduro/polls`)).json();
  const poll = polls.polls[0];
  const options = poll.options.map((o) => o.id);

  // warm-up (compiles the route, fills pools and caches); its votes count in the totals check too
  const warm = await run({ ...voteRequests(poll.id, options), connections: 10, duration: 3 });
  const backends = (await sql`select pid from pg_stat_activity where datname = current_database()`).map(
    (r) => r.pid,
  );
  const before = { server: cpuMs([server.pid]), pg: cpuMs(backends), self: process.cpuUsage() };
  const res = await run({ ...voteRequests(poll.id, options), connections: CONNECTIONS, duration: DURATION });
  const load = (await fs.promises.readFile("/proc/loadavg", "utf8").catch(() => "?")).split(" ")[0];
  const self = process.cpuUsage(before.self);
  const per = (ms) => ms / Math.max(1, res.requests.total);
  const cpu = {
    server: per(cpuMs([server.pid]) - before.server),
    pg: per(cpuMs(backends) - before.pg),
    gen: per((self.user + self.system) / 1000),
  };

  const accepted = warm["2xx"] + res["2xx"];
  const votesPerSecond = Math.round(res["2xx"] / DURATION);
  const p99 = res.latency.p99;
  // autocannon stops with requests in flight: let the server finish them, then read one snapshot
  await new Promise((r) => setTimeout(r, 2000));
  const { p, v, stored } = await sql.begin("isolation level repeatable read read only", async (tx) => {
    const [p] = await tx`select total_voters from polls where id = ${poll.id}`;
    const [v] = await tx`select count(*)::int as n from poll_votes where poll_id = ${poll.id}`;
    const stored = await tx`
      select o.id, o.vote_count,
        (select count(*)::int from poll_votes v where v.poll_id = o.poll_id and v.option_ids ? o.id::text) as counted
      from poll_options o where o.poll_id = ${poll.id} order by o.position`;
    return { p, v, stored };
  });
  const optionsExact = stored.every((o) => o.vote_count === o.counted);
  const totalsExact = p.total_voters === v.n && optionsExact;
  // requests cut off in flight when autocannon stops were still stored, without a counted answer
  const cutOff = v.n - accepted;
  const allStored = cutOff >= 0 && cutOff <= CONNECTIONS + 10;

  console.log(
    `\nbench:polls  PostgreSQL, production build, autocannon -c ${CONNECTIONS} -d ${DURATION}, PUT /api/v1/polls/{id}/vote`,
  );
  console.log(
    "  every request a new anonymous voter from a new address; AGORA_LIMIT_POLL_VOTE_IP=1000000/60",
  );
  console.log(
    `  requests: ${res.requests.total}  accepted (2xx): ${res["2xx"]}  refused/errors: ${res.non2xx + res.errors + res.timeouts}`,
  );
  console.log(
    `  votes/s: ${votesPerSecond}  latency p50 ${res.latency.p50} ms  p90 ${res.latency.p90} ms  p99 ${p99} ms  max ${res.latency.max} ms`,
  );
  console.log(
    `  CPU per vote: server ${cpu.server.toFixed(2)} ms, PostgreSQL ${cpu.pg.toFixed(2)} ms, load generator ${cpu.gen.toFixed(2)} ms` +
      ` (2 cores would carry ~${Math.round(2000 / (cpu.server + cpu.pg + cpu.gen))} votes/s at that cost); load average during the run ${load}`,
  );
  console.log(
    `  totals: polls.total_voters ${p.total_voters}, stored votes ${v.n}, answered 2xx ${accepted} (incl. ${warm["2xx"]} warm-up) + ${cutOff} cut off in flight at the end; per option ${stored.map((o) => `${o.vote_count}/${o.counted}`).join(" ")} (counter/recount)`,
  );
  console.log(
    `  totals equal the stored votes: ${totalsExact ? "YES" : "NO"}; every accepted vote stored: ${allStored ? "YES" : "NO"}`,
  );
  const goal = votesPerSecond >= GOAL.votesPerSecond && p99 <= GOAL.p99Ms;
  console.log(
    `  goal (>= ${GOAL.votesPerSecond} votes/s, p99 <= ${GOAL.p99Ms} ms): ${goal ? "met" : "NOT met"}`,
  );
  if (!totalsExact || !allStored || res.errors > 0 || res.non2xx > 0) exitCode = 1;
} catch (e) {
  console.error(`bench:polls failed: ${e.message}`);
  exitCode = 1;
} finally {
  await stop();
}
process.exit(exitCode);
