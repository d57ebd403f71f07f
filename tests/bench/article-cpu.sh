#!/usr/bin/env bash
# The server's own CPU time per request for the cached article page, by Accept-Encoding: a figure that
# other work on the machine moves far less than req/s. A production server (server.mjs) on a fresh PGlite
# directory; per encoding 3,000 warm-up requests, then N (default 20,000) with autocannon -c 20 -a N;
# utime+stime of the server process from /proc/<pid>/stat before and after. Needs `npm run build`.
# `bash tests/bench/article-cpu.sh` (AGORA_COMPRESS=0 to compare with compression off). Not in npm test.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3403}
N=${N:-20000}
URL=http://127.0.0.1:$PORT/articles/will-russia-defend-maduro
DIR=$(mktemp -d)
PORT=$PORT AUTH_SECRET=bench-secret-0123456789abcdef AGORA_DATA_DIR=$DIR AGORA_SEED_ON_START=1 \
  NODE_ENV=production node server/main.mjs >"$DIR/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health" && break; sleep 1; done
curl -s -o /dev/null "$URL"
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
for enc in identity gzip br; do
  size=$(curl -s -H "accept-encoding: $enc" -o /dev/null -w '%{size_download}' "$URL")
  npx autocannon -H "accept-encoding: $enc" -c 20 -a 3000 "$URL" >/dev/null 2>&1
  t0=$(ticks)
  out=$(npx autocannon -j -H "accept-encoding: $enc" -c 20 -a "$N" "$URL" 2>/dev/null)
  t1=$(ticks)
  node -e '
    const [enc, size, t0, t1, hz, n] = process.argv.slice(1);
    const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const us = ((t1 - t0) / hz) * 1e6 / n;
    console.log(`${enc.padEnd(8)} ${size.padStart(6)} bytes  ${us.toFixed(0)} µs CPU/request  ${j.requests.average} req/s  p99 ${j.latency.p99} ms  non-2xx ${j.non2xx}`);
  ' "$enc" "$size" "$t0" "$t1" "$HZ" "$N" <<<"$out"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
