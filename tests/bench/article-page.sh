#!/usr/bin/env bash
# The cached article page alone, as in docs/performance.md: a production server (server.mjs, CSP on)
# on a fresh PGlite directory, one warm-up run, then `autocannon -c 50 -d 10`. Prints req/s, p99 and
# the server's RSS, and the machine's load average (other work on the machine moves the figure).
# Needs a production build (npm run build). PORT defaults to 3402. Not part of npm test.
# ACCEPT_ENCODING=gzip measures the compressed page (as browsers ask for it); AGORA_COMPRESS=0 turns
# compression off in the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3402}
URL=http://127.0.0.1:$PORT/articles/will-russia-defend-maduro
DIR=$(mktemp -d)
PORT=$PORT AUTH_SECRET=bench-secret-0123456789abcdef AGORA_DATA_DIR=$DIR AGORA_SEED_ON_START=1 \
  NODE_ENV=production node server/main.mjs >"$DIR/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health" && break; sleep 1; done
curl -s -o /dev/null "$URL"
curl -s -D - -o /dev/null "$URL" | grep -iE '^(x-nextjs-cache|content-security-policy):' | cut -c1-80
AE=()
[ -n "${ACCEPT_ENCODING:-}" ] && AE=(-H "accept-encoding: $ACCEPT_ENCODING")
npx autocannon "${AE[@]}" -c 50 -d 5 "$URL" >/dev/null 2>&1 # warm-up (JIT)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the server's CPU (utime + stime, in clock ticks) around the run: the figure load moves least
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
CPU0=$(cpu)
npx autocannon "${AE[@]}" -j -c 50 -d "${DURATION:-10}" "$URL" 2>/dev/null >"$DIR/run.json"
CPU1=$(cpu)
node -e '
  const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const us = ((Number(process.argv[2]) * 1e6) / Number(process.argv[3]) / j.requests.total).toFixed(0);
  console.log(`${j.requests.average} req/s (median ${j.requests.p50}), p99 ${j.latency.p99} ms, errors ${j.errors}, non-2xx ${j.non2xx}; server CPU ${us} µs per request`);
' "$DIR/run.json" $((CPU1 - CPU0)) "$HZ"
echo "server RSS: $(( $(grep VmRSS /proc/$PID/status | awk '{print $2}') / 1024 )) MB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
