#!/usr/bin/env bash
# Tests deploy/nginx.conf for real (not part of `npm test`): checks the file with `nginx -t`, then runs
# a copy of it on 127.0.0.1:3480 in front of two production instances (3481, 3482) that start at the
# same moment on one fresh PostgreSQL database, and checks through the proxy: pages and API, security
# headers, request ids from nginx in the app's logs, gzip, both instances serving,
# migrations applied once, and that the pages keep being served when one instance stops.
# Needs: nginx (apt-get install nginx-light), a production build (npm run build), PostgreSQL at
# DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). Ports: NGINX_PORT, APP_PORTS.
set -euo pipefail
cd "$(dirname "$0")/.."

NGINX_PORT=${NGINX_PORT:-3480}
read -r PORT_A PORT_B <<<"${APP_PORTS:-3481 3482}"
BASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB=agora_nginx_$(date +%s)
DB_URL="${BASE_URL%/*}/$DB"
TMP=$(mktemp -d)
passed=0
failed=0
pids=()

check() { # check "what" command...
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1))
    echo "ok   $what"
  else
    failed=$((failed + 1))
    echo "FAIL $what"
  fi
}

cleanup() {
  [ -f "$TMP/nginx.pid" ] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$BASE_URL" -qAtc "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)"; exit 1; }
[ -f .next/BUILD_ID ] || { echo "no production build: run npm run build first"; exit 1; }

check "nginx -t accepts deploy/nginx.conf as shipped" nginx -t -q -c "$PWD/deploy/nginx.conf"

# the same file on test ports, with its pid and logs in a temporary directory
sed -e "s|listen 80;|listen 127.0.0.1:$NGINX_PORT;|" \
  -e "s|server 127.0.0.1:3000 |server 127.0.0.1:$PORT_A |" \
  -e "s|server 127.0.0.1:3001 |server 127.0.0.1:$PORT_B |" \
  -e "s|/run/nginx-agora.pid|$TMP/nginx.pid|" \
  -e "s|/var/log/nginx/|$TMP/|g" \
  deploy/nginx.conf >"$TMP/nginx.conf"
check "nginx -t accepts the test copy" nginx -t -q -c "$TMP/nginx.conf"

psql "$BASE_URL" -qAtc "create database $DB"
for port in "$PORT_A" "$PORT_B"; do
  PORT=$port HOSTNAME=127.0.0.1 NODE_ENV=production DATABASE_URL=$DB_URL TRUST_PROXY_HOPS=1 \
    AUTH_SECRET=nginx-test-secret-0123456789abcdef AGORA_SEED_ON_START=1 LOG_LEVEL=info \
    node server.mjs >"$TMP/app-$port.log" 2>&1 &
  pids+=($!)
done
nginx -c "$TMP/nginx.conf"

URL=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 1 120); do
  a=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_A/api/health" || true)
  b=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_B/api/health" || true)
  [ "$a" = 200 ] && [ "$b" = 200 ] && break
  sleep 1
done

check "two instances started at once on an empty database migrated it once" \
  test "$(psql "$DB_URL" -qAtc 'select count(*) from drizzle.__drizzle_migrations')" = \
  "$(node -e 'console.log(require("./db/migrations/meta/_journal.json").entries.length)')"

for _ in $(seq 1 20); do curl -s -o /dev/null "$URL/articles/will-russia-defend-maduro"; done
curl -s -D "$TMP/h" -o "$TMP/page.html" "$URL/articles/will-russia-defend-maduro"
check "the article page through the proxy" grep -q "Will Russia Defend Maduro" "$TMP/page.html"
check "home page through the proxy" test "$(curl -s -o /dev/null -w '%{http_code}' "$URL/")" = 200
check "CSP with script hashes" grep -qi "^content-security-policy: .*'sha256-" "$TMP/h"
check "nosniff" grep -qi "^x-content-type-options: nosniff" "$TMP/h"
check "the request id is nginx's" grep -qiE "^x-request-id: [0-9a-f]{32}" "$TMP/h"
check "gzip at the proxy" sh -c "curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null '$URL/articles/will-russia-defend-maduro' | grep -qi '^content-encoding: gzip'"
check "the view beacon (a write) through the proxy" \
  test "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -H "origin: $URL" -d '{}' "$URL/api/v1/articles/will-russia-defend-maduro/views")" = 200
check "metrics are not reachable through the proxy" test "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/metrics")" = 404
check "both instances served requests" sh -c "grep -q '127.0.0.1:$PORT_A' '$TMP/agora-access.log' && grep -q '127.0.0.1:$PORT_B' '$TMP/agora-access.log'"
rid=$(grep -i '^x-request-id:' "$TMP/h" | tr -d '\r' | awk '{print $2}')
sleep 1.5 # the app writes its logs asynchronously, flushed every second
check "the app logged nginx's request id" sh -c "grep -q '\"reqId\":\"$rid\"' '$TMP'/app-*.log"

# one instance goes away (SIGTERM, as a deploy would): reading goes on through the other
kill -TERM "${pids[0]}"
sleep 2
codes=""
for _ in $(seq 1 20); do codes+=$(curl -s -o /dev/null -w '%{http_code} ' "$URL/articles/will-russia-defend-maduro"); done
check "pages keep being served with one instance stopped ($codes)" sh -c "! echo '$codes' | grep -qv '^\(200 \)*$'"

echo
echo "nginx: $passed passed, $failed failed"
[ "$failed" = 0 ]
