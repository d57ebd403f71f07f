// npm run bench:comments -- [--url http://127.0.0.1:3610] [--slug will-russia-defend-maduro]
//     [--duration 15] [--connections 50] [--only page,api,post] [--posters "email:password,..."]
// autocannon against a running production server (`npm run build && npm start` on PostgreSQL):
//  - the article page, anonymous (full HTML, served from the page cache),
//  - the first-page API GET /api/v1/articles/{slug}/comments (served from the comment page cache),
//  - posting a comment signed in (needs --posters; each poster's connections get their own client address).
// The server must run with limits raised for posting, e.g.
//   AGORA_LIMIT_COMMENT_USER=1000000/60 AGORA_LIMIT_COMMENT_IP=1000000/60 TRUST_PROXY_HOPS=1
// and say so when you publish figures. Prints one line per target: req/s (mean), p50, p99, non-2xx.
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.BENCH_URL || "http://127.0.0.1:3610" },
    slug: { type: "string", default: "will-russia-defend-maduro" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    only: { type: "string", default: "page,api,post" },
    posters: { type: "string", default: process.env.BENCH_POSTERS || "" },
    json: { type: "boolean", default: false },
  },
});
const base = values.url.replace(/\/$/, "");
const duration = Number(values.duration);
const connections = Number(values.connections);
const only = new Set(values.only.split(","));

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration, connections, ...opts }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

function line(name, r) {
  const out = {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx + r.errors + r.timeouts,
    total: r.requests.total,
  };
  console.log(
    `${name.padEnd(34)} ${String(out.rps).padStart(6)} req/s   p50 ${String(out.p50).padStart(4)} ms   p99 ${String(out.p99).padStart(4)} ms   non-2xx/errors ${out.non2xx} of ${out.total}`,
  );
  return out;
}

async function signIn(email, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let res = await fetch(`${base}/api/auth/csrf`);
  keep(res);
  const { csrfToken } = await res.json();
  res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in failed for ${email}`);
  return cookie();
}

const results = [];
const warm = async (path) => {
  for (let i = 0; i < 3; i++) await fetch(base + path).then((r) => r.arrayBuffer());
};
const page = `/articles/${values.slug}`;
const api = `/api/v1/articles/${values.slug}/comments`;

if (only.has("page")) {
  await warm(page);
  results.push(line(`GET ${page}`, await run({ url: base + page })));
}
if (only.has("api")) {
  await warm(api);
  results.push(line(`GET ${api}`, await run({ url: base + api })));
}
if (only.has("post")) {
  const posters = values.posters
    .split(",")
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf(":");
      return { email: p.slice(0, i), password: p.slice(i + 1) };
    });
  if (posters.length === 0) {
    console.log("POST comments: skipped (give --posters email:password,... of verified accounts)");
  } else {
    const cookies = [];
    for (const p of posters) cookies.push(await signIn(p.email, p.password));
    let n = 0;
    let client = 0;
    const r = await run({
      url: base + api,
      setupClient(c) {
        const k = client++;
        c.setHeaders({
          "content-type": "application/json",
          origin: base,
          cookie: cookies[k % cookies.length],
          "x-forwarded-for": `198.51.100.${(k % 250) + 1}`,
        });
      },
      requests: [
        {
          method: "POST",
          path: api,
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              body: `Benchmark comment number ${++n}: a thought about sovereignty, ${Date.now()}.`,
            }),
          }),
        },
      ],
    });
    results.push(line(`POST ${api} (signed in, ${posters.length} accounts)`, r));
  }
}
if (values.json) console.log(JSON.stringify(results));
