// npm run bench:search -- [--url http://127.0.0.1:3341] [--duration 15] [--connections 20]
// autocannon against GET /api/v1/search on a running production server (see tests/bench/search.sh for
// the whole run on 100,000 comments). Each request takes the next of 20 real words of the seed article,
// alternating no type / type=comments / type=articles. Prints req/s, p50/p95/p99 and non-2xx.
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { WORDS } from "./search-words.mjs";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.BENCH_URL || "http://127.0.0.1:3341" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
  },
});
const base = values.url.replace(/\/$/, "");
const TYPES = ["", "&type=comments", "&type=articles"];
let i = 0;
const times = [];
const result = await new Promise((resolve, reject) => {
  const inst = autocannon(
    {
      url: base,
      duration: Number(values.duration),
      connections: Number(values.connections),
      requests: [
        {
          method: "GET",
          setupRequest: (req) => {
            const n = i++;
            const type = TYPES[Math.floor(n / WORDS.length) % 3];
            return { ...req, path: `/api/v1/search?q=${encodeURIComponent(WORDS[n % WORDS.length])}${type}` };
          },
        },
      ],
    },
    (err, r) => (err ? reject(err) : resolve(r)),
  );
  // autocannon reports p97.5 and p99, not p95: keep every response time
  inst.on("response", (_client, _status, _bytes, ms) => times.push(ms));
});
const r = /** @type {any} */ (result);
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]?.toFixed(1);
console.log(
  `search API  ${Math.round(r.requests.average)} req/s   p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms   non-2xx/errors ${r.non2xx + r.errors + r.timeouts} of ${r.requests.total}`,
);
