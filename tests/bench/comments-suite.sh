#!/usr/bin/env bash
# The whole comments benchmark on PostgreSQL, as recorded in docs/performance.md. Needs `npm run build`.
#   bash tests/bench/comments-suite.sh            # sizes 1000 10000 100000, 15 s per run, port 3611
#   SIZES="1000 100000" DURATION=10 PORT=3611 bash tests/bench/comments-suite.sh
# For each size: a fresh database, migrations, the seed article, `npm run bench:seed`, a production
# server with posting limits raised (AGORA_LIMIT_COMMENT_USER / _COMMENT_IP, TRUST_PROXY_HOPS=1 so that
# each connection has its own client address), then `npm run bench:comments` (page, API; posting with
# 10 signed-in accounts on the largest size).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"1000 10000 100000"}
DURATION=${DURATION:-15}
PORT=${PORT:-3611}
PGBASE=${PGBASE:-postgres://postgres@127.0.0.1:5432}
SLUG=will-russia-defend-maduro
last=${SIZES##* }
pid=""
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }
trap stop EXIT
for n in $SIZES; do
  db=agora_bench_comments_$n
  psql "$PGBASE/postgres" -qAtc "drop database if exists $db with (force)" >/dev/null
  psql "$PGBASE/postgres" -qAtc "create database $db" >/dev/null
  export DATABASE_URL=$PGBASE/$db
  npm run -s db:migrate >/dev/null
  npm run -s db:seed >/dev/null
  npm run -s bench:seed -- --article $SLUG --comments "$n"
  posters=""
  if [ "$n" = "$last" ]; then
    for i in $(seq 1 10); do
      npm run -s user:create -- --email "poster$i@bench.test" --password 'Bench-pass-1234!' --role reader --name "Poster $i" >/dev/null
      posters="$posters${posters:+,}poster$i@bench.test:Bench-pass-1234!"
    done
  fi
  NODE_ENV=production PORT=$PORT AUTH_SECRET=bench-only-secret-0123456789abcdef0123 AUTH_TRUST_HOST=true \
    AUTH_URL=http://127.0.0.1:$PORT TRUST_PROXY_HOPS=1 \
    AGORA_LIMIT_COMMENT_USER=10000000/60 AGORA_LIMIT_COMMENT_IP=10000000/60 \
    node server.mjs >"/tmp/bench-comments-$n.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/health" 2>/dev/null && break; sleep 1; done
  echo "== $n comments"
  only=page,api
  [ -n "$posters" ] && only=page,api,post
  node tests/bench/comments.mjs --url "http://127.0.0.1:$PORT" --duration "$DURATION" --only "$only" --posters "$posters"
  stop
done
