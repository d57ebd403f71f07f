#!/usr/bin/env bash
# The search benchmark as recorded in docs/performance.md. Needs `npm run build` and PostgreSQL.
#   bash tests/bench/search.sh                 # 100,000 comments, 15 s, port 3341
#   COMMENTS=10000 DURATION=10 PORT=3342 bash tests/bench/search.sh
# A fresh database, migrations, the seed, `npm run bench:seed`, the uncached database timings and
# EXPLAIN ANALYZE (tests/bench/search-db.mts), then a production server and autocannon -c 20 over 20
# words of the seed article (tests/bench/search.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."
COMMENTS=${COMMENTS:-100000}
DURATION=${DURATION:-15}
PORT=${PORT:-3341}
PGBASE=${PGBASE:-postgres://postgres@127.0.0.1:5432}
SLUG=will-russia-defend-maduro
db=agora_bench_search
pid=""
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }
trap stop EXIT
psql "$PGBASE/postgres" -qAtc "drop database if exists $db with (force)" >/dev/null
psql "$PGBASE/postgres" -qAtc "create database $db" >/dev/null
export DATABASE_URL=$PGBASE/$db
npm run -s db:migrate >/dev/null
npm run -s db:seed >/dev/null
npm run -s bench:seed -- --article $SLUG --comments "$COMMENTS"
psql "$DATABASE_URL" -qAtc "vacuum analyze comments" >/dev/null
npx tsx --conditions=react-server tests/bench/search-db.mts 5
NODE_ENV=production PORT=$PORT AUTH_SECRET=bench-only-secret-0123456789abcdef0123 AUTH_TRUST_HOST=true \
  AUTH_URL=http://127.0.0.1:$PORT AGORA_LIMIT_SEARCH_IP=1000000/60 node server.mjs >"/tmp/bench-search.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/health" 2>/dev/null && break; sleep 1; done
node tests/bench/search.mjs --url "http://127.0.0.1:$PORT" --duration 3 >/dev/null # warm-up
node tests/bench/search.mjs --url "http://127.0.0.1:$PORT" --duration "$DURATION"
